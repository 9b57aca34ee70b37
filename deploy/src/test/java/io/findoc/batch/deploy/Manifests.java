package io.findoc.batch.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An overlay rendered ({@link Kustomization}) and parsed into the fabric8 Kubernetes model: core
 * kinds become their typed classes, custom resources (KEDA, Prometheus Operator, Strimzi) {@link
 * GenericKubernetesResource}. A field the model does not know fails the parse, as a misspelt field
 * would be dropped silently by the API server.
 */
final class Manifests {

  /** {@code deploy/kubernetes}; the tests run in the module's directory. */
  static final Path ROOT = Path.of("kubernetes");

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  final String overlay;
  final List<Map<String, Object>> raw;
  final List<HasMetadata> objects = new ArrayList<>();

  private Manifests(String overlay, List<Map<String, Object>> raw) {
    this.overlay = overlay;
    this.raw = raw;
    for (Map<String, Object> object : raw) {
      HasMetadata parsed = SERIALIZATION.convertValue(object, HasMetadata.class);
      List<String> unknown = new ArrayList<>();
      unknownFields(parsed, parsed.getKind() + "/" + parsed.getMetadata().getName(), unknown);
      if (!unknown.isEmpty()) {
        throw new IllegalStateException(overlay + ": fields the model does not know: " + unknown);
      }
      objects.add(parsed);
    }
  }

  /** Renders {@code deploy/kubernetes/<dir>} ({@code base}, {@code overlays/dev}, ...). */
  static Manifests render(String dir) {
    return render(ROOT.resolve(dir));
  }

  static Manifests render(Path dir) {
    return new Manifests(dir.toString(), Kustomization.render(dir));
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> type, String name) {
    return find(type, name)
        .orElseThrow(() -> new AssertionError(overlay + ": no " + type.getSimpleName() + name));
  }

  <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
    return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
  }

  List<GenericKubernetesResource> custom(String kind) {
    return all(GenericKubernetesResource.class).stream()
        .filter(r -> r.getKind().equals(kind))
        .toList();
  }

  Map<String, Object> raw(String kind, String name) {
    return Kustomization.find(raw, kind, name);
  }

  /**
   * Collects, under {@code path}, the fields that ended in a model object's {@code
   * additionalProperties}: the ones its class does not declare. Custom resources keep everything
   * there by design and are checked against their own schemas instead.
   */
  private static void unknownFields(Object value, String path, List<String> unknown) {
    if (value == null || value instanceof GenericKubernetesResource) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
      return;
    }
    if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getName().equals("getClass")) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(path + "." + key));
      } else if (!(field instanceof String
          || field instanceof Number
          || field instanceof Boolean)) {
        unknownFields(field, path + "." + getter.getName().substring(3), unknown);
      }
    }
  }
}
