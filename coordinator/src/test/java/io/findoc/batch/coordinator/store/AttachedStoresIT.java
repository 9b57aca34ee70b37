package io.findoc.batch.coordinator.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.findoc.batch.coordinator.testing.RunningStack;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttachedStoresIT {

  private static RunningStack stack;

  @BeforeAll
  static void start() {
    stack = RunningStack.coordinatorOnly(Map.of());
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aHandleAttachesEachStoreOnce() {
    stack
        .jdbi()
        .useHandle(
            handle -> {
              JobStore jobs = AttachedStores.of(handle, JobStore.class);

              assertThat(AttachedStores.of(handle, JobStore.class)).isSameAs(jobs);
              assertThat(AttachedStores.of(handle, TaskStore.class))
                  .isSameAs(AttachedStores.of(handle, TaskStore.class))
                  .isNotSameAs(jobs);
              assertThat(jobs.find(UUID.randomUUID())).isEmpty();
            });
  }

  @Test
  void nothingOutlivesItsHandle() {
    JobStore first = stack.jdbi().withHandle(handle -> AttachedStores.of(handle, JobStore.class));

    stack
        .jdbi()
        .useHandle(
            handle -> {
              JobStore second = AttachedStores.of(handle, JobStore.class);

              assertThat(second).isNotSameAs(first);
              assertThat(second.find(UUID.randomUUID())).isEmpty();
            });
  }
}
