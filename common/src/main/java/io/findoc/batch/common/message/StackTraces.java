package io.findoc.batch.common.message;

/**
 * Stack traces trimmed for a status report: the exception and its causes, each with its first few
 * frames, at most {@link TaskError#MAX_TRACE_CHARS} characters in all, so a deep recursion or a
 * long chain of causes never bloats a report.
 */
public final class StackTraces {

  /** Frames kept of each exception in the chain. */
  static final int FRAMES_PER_EXCEPTION = 12;

  private static final int MAX_CAUSES = 5;

  private StackTraces() {}

  /** The trimmed trace of {@code failure}, or null for none. */
  public static String trimmed(Throwable failure) {
    if (failure == null) {
      return null;
    }
    StringBuilder trace = new StringBuilder();
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSES; depth++) {
      if (depth > 0) {
        trace.append("Caused by: ");
      }
      trace.append(current).append('\n');
      StackTraceElement[] frames = current.getStackTrace();
      int shown = Math.min(frames.length, FRAMES_PER_EXCEPTION);
      for (int i = 0; i < shown; i++) {
        trace.append("\tat ").append(frames[i]).append('\n');
      }
      if (frames.length > shown) {
        trace.append("\t... ").append(frames.length - shown).append(" more\n");
      }
      if (trace.length() >= TaskError.MAX_TRACE_CHARS) {
        break;
      }
      current = current.getCause() == current ? null : current.getCause();
    }
    if (trace.length() > TaskError.MAX_TRACE_CHARS) {
      return trace.substring(0, TaskError.MAX_TRACE_CHARS - 4) + "\n...";
    }
    return trace.toString();
  }
}
