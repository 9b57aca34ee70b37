package io.findoc.batch.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Renders a directory of {@code deploy/kubernetes} as {@code kustomize build} does, for the subset
 * of Kustomize the manifests use, so that the tests run offline without the kustomize binary:
 *
 * <ul>
 *   <li>{@code resources}: files (every YAML document in them) and directories with a {@code
 *       kustomization.yaml}, rendered first;
 *   <li>{@code patches}: {@code - path: file}, one object per file, applied to the object of the
 *       same kind and name by strategic merge: maps merge, a {@code null} removes a key, lists
 *       whose items all have a {@code name} merge item by item on it (containers, env, volumes),
 *       any other list is replaced;
 *   <li>{@code images}: {@code name} with {@code newName}, {@code newTag} or {@code digest}, in the
 *       containers of pod templates;
 *   <li>{@code namespace}: set on every object.
 * </ul>
 *
 * Any other field of a {@code kustomization.yaml} fails the rendering, so the manifests cannot use
 * a Kustomize feature this class would silently ignore. Strategic merge keys other than {@code
 * name} (ports merge on {@code containerPort}, volume mounts on {@code mountPath}) are not
 * implemented: the overlays do not patch those lists.
 */
final class Kustomization {

  private static final Set<String> SUPPORTED =
      Set.of("apiVersion", "kind", "resources", "patches", "images", "namespace");

  private Kustomization() {}

  /** The objects {@code kustomize build dir} prints, in order. */
  static List<Map<String, Object>> render(Path dir) {
    Map<String, Object> kustomization = loadOne(dir.resolve("kustomization.yaml"));
    for (String key : kustomization.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new IllegalStateException(
            dir + "/kustomization.yaml uses '" + key + "', which the test renderer does not do");
      }
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object resource : list(kustomization.get("resources"))) {
      Path path = dir.resolve((String) resource).normalize();
      if (Files.isDirectory(path)) {
        objects.addAll(render(path));
      } else {
        objects.addAll(loadAll(path));
      }
    }
    for (Object entry : list(kustomization.get("patches"))) {
      Map<String, Object> patch = loadOne(dir.resolve((String) map(entry).get("path")));
      Map<String, Object> target = find(objects, (String) patch.get("kind"), name(patch));
      merge(target, patch);
    }
    for (Object image : list(kustomization.get("images"))) {
      for (Map<String, Object> object : objects) {
        setImage(object, map(image));
      }
    }
    Object namespace = kustomization.get("namespace");
    if (namespace != null) {
      for (Map<String, Object> object : objects) {
        map(object.get("metadata")).put("namespace", namespace);
      }
    }
    return objects;
  }

  static String name(Map<String, Object> object) {
    return (String) map(object.get("metadata")).get("name");
  }

  /** The one object of a kind and name; fails when there is none. */
  static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.get("kind")) && name.equals(name(o)))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + kind + " named " + name));
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> patch) {
    for (Map.Entry<String, Object> entry : patch.entrySet()) {
      String key = entry.getKey();
      Object value = entry.getValue();
      Object current = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (current instanceof Map && value instanceof Map) {
        merge((Map<String, Object>) current, (Map<String, Object>) value);
      } else if (current instanceof List && value instanceof List && namedItems(current, value)) {
        mergeByName((List<Object>) current, (List<Object>) value);
      } else {
        target.put(key, value);
      }
    }
  }

  private static boolean namedItems(Object... lists) {
    for (Object list : lists) {
      for (Object item : (List<?>) list) {
        if (!(item instanceof Map<?, ?> m) || !(m.get("name") instanceof String)) {
          return false;
        }
      }
    }
    return true;
  }

  private static void mergeByName(List<Object> current, List<Object> patch) {
    for (Object item : patch) {
      Map<String, Object> patchItem = map(item);
      Map<String, Object> match =
          current.stream()
              .map(Kustomization::map)
              .filter(c -> c.get("name").equals(patchItem.get("name")))
              .findFirst()
              .orElse(null);
      if (match == null) {
        current.add(patchItem);
      } else {
        merge(match, patchItem);
      }
    }
  }

  private static void setImage(Map<String, Object> object, Map<String, Object> image) {
    Map<String, Object> spec = map(object.get("spec"));
    if (spec == null || !(spec.get("template") instanceof Map)) {
      return;
    }
    Map<String, Object> podSpec = map(map(spec.get("template")).get("spec"));
    for (String field : List.of("initContainers", "containers")) {
      for (Object item : list(podSpec.get(field))) {
        Map<String, Object> container = map(item);
        String reference = (String) container.get("image");
        int colon = reference.lastIndexOf(':');
        boolean tagged = colon > reference.lastIndexOf('/');
        String repository = tagged ? reference.substring(0, colon) : reference;
        String tag = tagged ? reference.substring(colon + 1) : null;
        if (!repository.equals(image.get("name"))) {
          continue;
        }
        repository = (String) image.getOrDefault("newName", repository);
        tag = (String) image.getOrDefault("newTag", tag);
        if (image.get("digest") != null) {
          container.put("image", repository + "@" + image.get("digest"));
        } else {
          container.put("image", tag == null ? repository : repository + ":" + tag);
        }
      }
    }
  }

  private static Map<String, Object> loadOne(Path file) {
    List<Map<String, Object>> documents = loadAll(file);
    if (documents.size() != 1) {
      throw new IllegalStateException(file + " must hold exactly one object");
    }
    return documents.get(0);
  }

  static List<Map<String, Object>> loadAll(Path file) {
    List<Map<String, Object>> documents = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file)) {
      for (Object document : new Yaml().loadAll(reader)) {
        if (document != null) {
          documents.add(new LinkedHashMap<>(map(document)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
    return documents;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
