package io.findoc.batch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.findoc.batch.common.message.Priority;
import io.findoc.batch.common.topic.TopicNames;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The KEDA ScaledObject of the workers: valid for KEDA, and in step with the workers and topics.
 */
class WorkerScalingTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Schema SCHEMA = scaledObjectSchema();

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void scaledObjectMatchesTheKedaCrdSchema(String overlay) {
    Map<String, Object> scaledObject =
        Manifests.render(overlay).raw("ScaledObject", "findoc-worker");
    List<Error> errors = SCHEMA.validate(JSON.valueToTree(scaledObject));
    assertThat(errors).isEmpty();
  }

  @Test
  void schemaRefusesAMisspeltField() {
    Map<String, Object> scaledObject =
        Manifests.render("base").raw("ScaledObject", "findoc-worker");
    Kustomization.map(scaledObject.get("spec")).put("maxReplicas", 3);
    assertThat(SCHEMA.validate(JSON.valueToTree(scaledObject))).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void oneKafkaTriggerPerPriorityTopicOnItsConsumerGroup(String overlay) {
    Map<String, Object> spec = ManifestRulesTest.scaledObjectSpec(Manifests.render(overlay));
    List<Object> triggers = Kustomization.list(spec.get("triggers"));
    String groupId = workerGroupId();
    assertThat(triggers).hasSize(Priority.values().length);
    String formula =
        (String)
            Kustomization.map(Kustomization.map(spec.get("advanced")).get("scalingModifiers"))
                .get("formula");
    for (Priority priority : Priority.values()) {
      Map<String, Object> trigger =
          triggers.stream()
              .map(Kustomization::map)
              .filter(t -> priority.wireName().equals(t.get("name")))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no trigger named " + priority.wireName()));
      Map<String, Object> metadata = Kustomization.map(trigger.get("metadata"));
      assertThat(trigger.get("type")).isEqualTo("kafka");
      assertThat(metadata.get("topic")).isEqualTo(TopicNames.DEFAULTS.tasks(priority));
      // WorkerConfiguration: one consumer group per priority, <group-id>.<priority>.
      assertThat(metadata.get("consumerGroup")).isEqualTo(groupId + "." + priority.wireName());
      assertThat(metadata.get("offsetResetPolicy")).isEqualTo("earliest");
      assertThat(metadata).doesNotContainKey("allowIdleConsumers");
      assertThat(formula).containsPattern("\\b" + priority.wireName() + "\\b");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/dev", "overlays/prod"})
  void workersNeverOutnumberTheTaskPartitions(String overlay) {
    Manifests manifests = Manifests.render(overlay);
    Map<String, Object> spec = ManifestRulesTest.scaledObjectSpec(manifests);
    int partitions =
        Integer.parseInt(
            manifests
                .one(ConfigMap.class, "findoc-config")
                .getData()
                .get("FINDOC_TOPICLAYOUT_TASKPARTITIONS"));
    int min = ((Number) spec.get("minReplicaCount")).intValue();
    int max = ((Number) spec.get("maxReplicaCount")).intValue();
    assertThat(min).isBetween(0, max);
    assertThat(max).isLessThanOrEqualTo(partitions);
  }

  private static String workerGroupId() {
    return (String) ManifestRulesTest.WorkerConfig.consumer().get("group-id");
  }

  private static Schema scaledObjectSchema() {
    try (InputStream in =
        WorkerScalingTest.class.getResourceAsStream("/keda/scaledobject-v1alpha1-schema.yaml")) {
      JsonNode schema = JSON.valueToTree(new Yaml().load(in));
      closeObjects(schema);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(schema);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** additionalProperties: false on every object schema that lists its properties. */
  private static void closeObjects(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.properties().forEach(entry -> closeObjects(entry.getValue()));
    } else if (node.isArray()) {
      node.forEach(WorkerScalingTest::closeObjects);
    }
  }
}
