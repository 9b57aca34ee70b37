package io.findoc.batch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rendering each overlay gives the objects, namespace, images and sizes it is meant to. */
class OverlayRenderingTest {

  private static final List<String> BASE_OBJECTS =
      List.of(
          "ConfigMap/findoc-config",
          "Deployment/findoc-coordinator",
          "PodDisruptionBudget/findoc-coordinator",
          "Service/findoc-coordinator",
          "Deployment/findoc-worker",
          "PodDisruptionBudget/findoc-worker",
          "Service/findoc-worker",
          "ScaledObject/findoc-worker",
          "NetworkPolicy/findoc-coordinator",
          "NetworkPolicy/findoc-worker",
          "ServiceMonitor/findoc");

  @Test
  void devIsTheBaseInItsNamespaceWithSmallWorkersThatScaleToZero() {
    Manifests dev = Manifests.render("overlays/dev");
    assertThat(names(dev)).containsExactlyElementsOf(BASE_OBJECTS);
    assertThat(dev.objects).allSatisfy(o -> assertThat(namespace(o)).isEqualTo("findoc-dev"));
    assertThat(image(dev, "findoc-coordinator")).isEqualTo("findoc/coordinator:0.1.0-SNAPSHOT");
    assertThat(image(dev, "findoc-worker")).isEqualTo("findoc/worker:0.1.0-SNAPSHOT");
    Container worker = container(dev, "findoc-worker");
    assertThat(worker.getResources().getLimits().get("cpu").toString()).isEqualTo("1");
    // The patch merged into the worker container, its other fields stay.
    assertThat(worker.getReadinessProbe()).isNotNull();
    assertThat(worker.getEnv()).extracting("name").contains("FINDOC_WORKER_ID");
    assertThat(ManifestRulesTest.scaledObjectSpec(dev))
        .containsEntry("minReplicaCount", 0)
        .containsEntry("maxReplicaCount", 4);
    ConfigMap config = dev.one(ConfigMap.class, "findoc-config");
    assertThat(config.getData())
        .containsEntry("FINDOC_TOPICLAYOUT_REPLICAS", "1")
        .containsEntry("FINDOC_KAFKA_BOOTSTRAP", "kafka-bootstrap:9092");
  }

  @Test
  void prodHasThreeCoordinatorsRegistryImagesAndStrimziTopics() {
    Manifests prod = Manifests.render("overlays/prod");
    assertThat(names(prod)).startsWith(BASE_OBJECTS.toArray(String[]::new));
    assertThat(names(prod).subList(BASE_OBJECTS.size(), names(prod).size()))
        .containsExactly(
            "KafkaTopic/findoc-tasks-high",
            "KafkaTopic/findoc-tasks-normal",
            "KafkaTopic/findoc-tasks-low",
            "KafkaTopic/findoc-task-status",
            "KafkaTopic/findoc-tasks-dlt",
            "KafkaTopic/findoc-control",
            "KafkaTopic/findoc-workers",
            "KafkaTopic/findoc-job-events");
    assertThat(prod.objects).allSatisfy(o -> assertThat(namespace(o)).isEqualTo("findoc"));
    assertThat(prod.one(Deployment.class, "findoc-coordinator").getSpec().getReplicas())
        .isEqualTo(3);
    assertThat(image(prod, "findoc-coordinator"))
        .isEqualTo("registry.example.com/findoc/coordinator:0.1.0");
    assertThat(image(prod, "findoc-worker")).isEqualTo("registry.example.com/findoc/worker:0.1.0");
    assertThat(ManifestRulesTest.scaledObjectSpec(prod))
        .containsEntry("minReplicaCount", 2)
        .containsEntry("maxReplicaCount", 24);
    assertThat(prod.one(ConfigMap.class, "findoc-config").getData())
        .containsEntry("FINDOC_TOPICLAYOUT_TASKPARTITIONS", "24")
        .containsEntry("FINDOC_TOPICLAYOUT_REPLICAS", "3");
  }

  private static List<String> names(Manifests manifests) {
    return manifests.objects.stream()
        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
        .toList();
  }

  private static String namespace(HasMetadata object) {
    return object.getMetadata().getNamespace();
  }

  private static Container container(Manifests manifests, String deployment) {
    return manifests
        .one(Deployment.class, deployment)
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
  }

  private static String image(Manifests manifests, String deployment) {
    return container(manifests, deployment).getImage();
  }
}
