package io.findoc.batch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules every rendering of the manifests must keep, checked on each overlay. */
class ManifestRulesTest {

  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY|CREDENTIALS).*");

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void everyContainerHasDistinctReadinessAndLivenessProbes(String overlay) {
    for (Container container : containers(Manifests.render(overlay))) {
      assertThat(container.getReadinessProbe()).as(container.getName()).isNotNull();
      assertThat(container.getLivenessProbe()).as(container.getName()).isNotNull();
      assertThat(container.getReadinessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/readiness");
      assertThat(container.getLivenessProbe().getHttpGet().getPath())
          .isEqualTo("/actuator/health/liveness");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void everyContainerHasRequestsAndLimitsAndWholeCores(String overlay) {
    for (Container container : containers(Manifests.render(overlay))) {
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();
      assertThat(requests).as(container.getName()).containsKeys("cpu", "memory");
      assertThat(limits).as(container.getName()).containsKeys("cpu", "memory");
      // availableProcessors() rounds the CPU limit up: a fraction would size the pools for a
      // core the container does not have.
      assertThat(Quantity.getAmountInBytes(limits.get("cpu")).stripTrailingZeros().scale())
          .as(container.getName() + " CPU limit in whole cores")
          .isLessThanOrEqualTo(0);
      assertThat(requests.get("cpu")).isEqualTo(limits.get("cpu"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void imagesArePinnedToATag(String overlay) {
    for (Container container : containers(Manifests.render(overlay))) {
      String image = container.getImage();
      String tag = image.substring(image.lastIndexOf(':') + 1);
      assertThat(image.lastIndexOf(':')).as(image).isGreaterThan(image.lastIndexOf('/'));
      assertThat(tag).as(image).isNotEqualTo("latest");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void secretsAreOnlyReferenced(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    assertThat(manifests.all(Secret.class)).isEmpty();
    for (Container container : containers(manifests)) {
      for (EnvVar env : container.getEnv()) {
        if (SECRET_NAME.matcher(env.getName()).matches()) {
          assertThat(env.getValue()).as(env.getName() + " inlined").isNull();
          assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void everyDeploymentHasADisruptionBudgetANetworkPolicyAndAService(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    for (Deployment deployment : manifests.all(Deployment.class)) {
      Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      assertThat(manifests.all(PodDisruptionBudget.class))
          .as(deployment.getMetadata().getName())
          .anySatisfy(
              pdb ->
                  assertThat(labels)
                      .containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels()));
      assertThat(manifests.all(NetworkPolicy.class))
          .anySatisfy(
              policy ->
                  assertThat(labels)
                      .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels()));
      assertThat(manifests.all(Service.class))
          .anySatisfy(
              service -> assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector()));
    }
    assertThat(manifests.custom("ServiceMonitor")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void coordinatorsAreHighlyAvailable(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Deployment coordinator = manifests.one(Deployment.class, "findoc-coordinator");
    assertThat(coordinator.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    PodDisruptionBudget budget = manifests.one(PodDisruptionBudget.class, "findoc-coordinator");
    assertThat(budget.getSpec().getMinAvailable().getIntVal())
        .isBetween(1, coordinator.getSpec().getReplicas() - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void workerIsGivenLongerToStopThanItsPreStopAndDrainTake(String overlay) {
    Deployment worker = Manifests.render(overlay).one(Deployment.class, "findoc-worker");
    Container container = worker.getSpec().getTemplate().getSpec().getContainers().get(0);
    long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
    Duration drain = Duration.ofSeconds(30); // findoc.worker.shutdown-grace, default 30 s
    for (EnvVar env : container.getEnv()) {
      if (env.getName().equals("FINDOC_WORKER_SHUTDOWNGRACE")) {
        drain = Duration.parse("PT" + env.getValue().toUpperCase());
      }
    }
    // 10 s for the containers to commit and the JVM to stop after the drain.
    assertThat(worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
        .isGreaterThanOrEqualTo(preStop + drain.toSeconds() + 10);
    // KEDA owns the worker count; a replicas field would fight it at every apply.
    assertThat(worker.getSpec().getReplicas()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void autoscaledWorkersHaveNoStaticMembership(String overlay) {
    Deployment worker = Manifests.render(overlay).one(Deployment.class, "findoc-worker");
    for (EnvVar env : worker.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      assertThat(env.getName())
          .doesNotContain("GROUP_INSTANCE_ID")
          .doesNotContain("GROUPINSTANCEID");
    }
    Map<String, Object> consumer = WorkerConfig.consumer();
    assertThat(consumer).doesNotContainKeys("group-instance-id", "group.instance.id");
    Map<String, Object> properties = Kustomization.map(consumer.get("properties"));
    assertThat(properties)
        .doesNotContainKey("group.instance.id")
        .containsEntry(
            "partition.assignment.strategy",
            "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/prod"})
  void strimziTopicsHaveAPartitionForEveryWorker(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    int maxWorkers = ((Number) scaledObjectSpec(manifests).get("maxReplicaCount")).intValue();
    List<GenericKubernetesResource> topics = manifests.custom("KafkaTopic");
    assertThat(topics).isNotEmpty();
    for (GenericKubernetesResource topic : topics) {
      Map<String, Object> spec = Kustomization.map(topic.getAdditionalProperties().get("spec"));
      if (((String) spec.get("topicName")).startsWith("findoc.tasks.")
          && !spec.get("topicName").equals("findoc.tasks.dlt")) {
        assertThat(((Number) spec.get("partitions")).intValue()).isGreaterThanOrEqualTo(maxWorkers);
      }
    }
  }

  static Map<String, Object> scaledObjectSpec(Manifests manifests) {
    return Kustomization.map(manifests.raw("ScaledObject", "findoc-worker").get("spec"));
  }

  private static List<Container> containers(Manifests manifests) {
    return manifests.all(Deployment.class).stream()
        .flatMap(d -> d.getSpec().getTemplate().getSpec().getContainers().stream())
        .toList();
  }

  /** The worker's own configuration file, beside this module. */
  static final class WorkerConfig {
    static final Path FILE = Path.of("../worker/src/main/resources/worker.yml");

    /** {@code spring.kafka.consumer} of worker.yml. */
    static Map<String, Object> consumer() {
      Map<String, Object> config = new org.yaml.snakeyaml.Yaml().load(text());
      Map<String, Object> kafka =
          Kustomization.map(Kustomization.map(config.get("spring")).get("kafka"));
      return Kustomization.map(kafka.get("consumer"));
    }

    static String text() {
      try {
        return java.nio.file.Files.readString(FILE);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
