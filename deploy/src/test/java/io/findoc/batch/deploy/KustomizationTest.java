package io.findoc.batch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test renderer does what kustomize build does for the features it supports. */
class KustomizationTest {

  private static final String DEPLOYMENT =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: app
      spec:
        replicas: 2
        selector:
          matchLabels: {app: app}
        template:
          metadata:
            labels: {app: app}
          spec:
            containers:
              - name: main
                image: example/app
                env:
                  - {name: A, value: "1"}
                  - {name: B, value: "2"}
              - name: side
                image: example/side:1.0
      """;

  @TempDir Path dir;

  @Test
  void overlayPatchesByNameSetsImagesAndNamespace() throws IOException {
    write("base/kustomization.yaml", "resources: [app.yaml]\n");
    write("base/app.yaml", DEPLOYMENT);
    write(
        "overlay/kustomization.yaml",
        """
        namespace: there
        resources: [../base]
        patches:
          - path: patch.yaml
        images:
          - {name: example/app, newName: registry.example.com/app, newTag: "2.0"}
        """);
    write(
        "overlay/patch.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: null
          template:
            spec:
              containers:
                - name: main
                  env:
                    - {name: B, value: "20"}
                    - {name: C, value: "3"}
        """);

    Deployment app = Manifests.render(dir.resolve("overlay")).one(Deployment.class, "app");

    assertThat(app.getMetadata().getNamespace()).isEqualTo("there");
    assertThat(app.getSpec().getReplicas()).isNull();
    Container main = app.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertThat(main.getImage()).isEqualTo("registry.example.com/app:2.0");
    assertThat(main.getEnv())
        .extracting("name", "value")
        .map(t -> t.toList().toString())
        .containsExactly("[A, 1]", "[B, 20]", "[C, 3]");
    Container side = app.getSpec().getTemplate().getSpec().getContainers().get(1);
    assertThat(side.getImage()).isEqualTo("example/side:1.0");
  }

  @Test
  void aFieldTheModelDoesNotKnowFailsTheParse() throws IOException {
    write("kustomization.yaml", "resources: [app.yaml]\n");
    write("app.yaml", DEPLOYMENT.replace("replicas: 2", "replica: 2"));

    assertThatThrownBy(() -> Manifests.render(dir))
        .hasMessageContaining("Deployment/app.Spec.replica");
  }

  @Test
  void aKustomizeFeatureTheRendererDoesNotDoFailsTheRendering() throws IOException {
    write("kustomization.yaml", "resources: [app.yaml]\ncommonLabels: {a: b}\n");
    write("app.yaml", DEPLOYMENT);

    assertThatThrownBy(() -> Kustomization.render(dir)).hasMessageContaining("commonLabels");
  }

  private void write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
