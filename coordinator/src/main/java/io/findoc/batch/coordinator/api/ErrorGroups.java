package io.findoc.batch.coordinator.api;

import io.findoc.batch.coordinator.store.ErrorStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns error groups (fingerprints) named in a retry into the failed tasks they hold. */
final class ErrorGroups {

  private static final Pattern FINGERPRINT = Pattern.compile("[0-9a-f]{12}");
  private static final int MAX_GROUPS = 100;

  private ErrorGroups() {}

  /**
   * The task numbers to retry: {@code tasks} as given when no groups are named; otherwise the
   * failed tasks in the groups (among {@code tasks}, if named too).
   */
  static List<Integer> tasksToRetry(
      ErrorStore errors, UUID jobId, List<String> groups, List<Integer> tasks) {
    if (groups == null) {
      return tasks;
    }
    if (groups.isEmpty() || groups.size() > MAX_GROUPS) {
      throw new InvalidParameterException(
          "errorGroups", "must name 1 to " + MAX_GROUPS + " error groups");
    }
    for (int i = 0; i < groups.size(); i++) {
      String group = groups.get(i);
      if (group == null || !FINGERPRINT.matcher(group).matches()) {
        throw new InvalidParameterException(
            "errorGroups[" + i + "]",
            "must be a fingerprint of 12 hex digits, as GET .../errors lists them");
      }
    }
    List<Integer> inGroups = errors.findNumbersInGroups(jobId, groups.toArray(String[]::new));
    if (tasks == null) {
      return inGroups;
    }
    Set<Integer> named = new HashSet<>(tasks);
    return inGroups.stream().filter(named::contains).toList();
  }
}
