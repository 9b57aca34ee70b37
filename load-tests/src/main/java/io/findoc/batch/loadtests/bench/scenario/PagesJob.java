package io.findoc.batch.loadtests.bench.scenario;

import io.findoc.batch.loadtests.bench.FindocJobs;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard scenario's job: {@code tasks} {@code simulate} tasks that do nothing, with failures
 * for the failure pages to show, named by document ({@code d<number>}, task numbers from 1) and
 * spread over the job: {@value #EACH} documents fail every attempt ({@code SIMULATED_FAILURE}, dead
 * letters after 3 attempts), {@value #EACH} are refused as crash documents ({@code
 * SIMULATED_CRASH_REFUSED}, permanent, dead letters at once, on a worker that does not allow crash
 * documents, which is every worker of {@code ./findoc up}), {@value #EACH} fail their first attempt
 * and {@value #EACH} their first two (retried into attempts 2 and 3), and one attempt in {@value
 * #FAILURE_ONE_IN} fails at random on whichever worker runs it. Retries wait 0.2 s at first, at
 * most 2 s, so that the job ends soon after its last task. The options travel with every task
 * message, hence so few named documents.
 */
final class PagesJob {

  static final int EACH = 8;
  static final int FAILURE_ONE_IN = 1000;

  private final int tasks;

  PagesJob(int tasks) {
    if (tasks < 4 * EACH * 2) {
      throw new IllegalArgumentException(
          "the dashboard job needs at least " + 4 * EACH * 2 + " tasks, not " + tasks);
    }
    this.tasks = tasks;
  }

  /** Task numbers that fail every attempt with {@code SIMULATED_FAILURE}. */
  List<Integer> deadLetters() {
    return spread(1);
  }

  /** Task numbers refused as crash documents. */
  List<Integer> crashRefused() {
    return spread(2);
  }

  /** Task numbers whose first attempt fails. */
  List<Integer> secondAttempt() {
    return spread(3);
  }

  /** Task numbers whose first two attempts fail. */
  List<Integer> thirdAttempt() {
    return spread(4);
  }

  /**
   * {@value #EACH} task numbers spread evenly over the job, each set at its own offset ({@code set}
   * 1 to 4) so that no two sets share a task.
   */
  List<Integer> spread(int set) {
    List<Integer> numbers = new ArrayList<>(EACH);
    long stride = tasks / EACH;
    for (int i = 0; i < EACH; i++) {
      numbers.add((int) (i * stride + set * Math.max(1, stride / 5)));
    }
    return numbers;
  }

  /** The submission, written directly: a million documents need no million maps. */
  byte[] body() {
    StringBuilder json = new StringBuilder(400 + tasks * 28);
    json.append("{\"name\":\"bench pages ")
        .append(tasks)
        .append("\",\"processor\":\"simulate\",\"options\":{\"failureRate\":")
        .append(1.0 / FAILURE_ONE_IN)
        .append(",\"failDocuments\":")
        .append(ids(deadLetters()))
        .append(",\"crashDocuments\":")
        .append(ids(crashRefused()))
        .append(",\"failUntilAttempt\":{");
    String separator = "";
    for (int n : secondAttempt()) {
      json.append(separator).append("\"d").append(n).append("\":1");
      separator = ",";
    }
    for (int n : thirdAttempt()) {
      json.append(separator).append("\"d").append(n).append("\":2");
    }
    json.append("}},\"retry\":{\"maxAttempts\":3,\"initialBackoff\":200,\"maxBackoff\":2000},")
        .append("\"documents\":[");
    return FindocJobs.appendDocuments(json, tasks)
        .append("]}")
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String ids(List<Integer> numbers) {
    StringBuilder ids = new StringBuilder("[");
    for (int i = 0; i < numbers.size(); i++) {
      ids.append(i == 0 ? "" : ",").append("\"d").append(numbers.get(i)).append('"');
    }
    return ids.append(']').toString();
  }
}
