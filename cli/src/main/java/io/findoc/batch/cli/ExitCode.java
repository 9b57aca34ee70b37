package io.findoc.batch.cli;

/**
 * The client's exit codes, stable for scripts (the README lists them).
 *
 * <ul>
 *   <li>0: done, and every task succeeded
 *   <li>1: anything else went wrong (the API refused, was unreachable, a file was unreadable)
 *   <li>2: the command line was wrong
 *   <li>3: the jobs finished, and some tasks failed
 *   <li>4: a job was cancelled
 *   <li>5: the jobs were still running when {@code --timeout} ran out
 *   <li>130: watching was stopped with Ctrl-C; the jobs go on
 * </ul>
 */
public final class ExitCode {

  public static final int SUCCEEDED = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int SOME_FAILED = 3;
  public static final int CANCELLED = 4;
  public static final int TIMED_OUT = 5;
  public static final int INTERRUPTED = 130;

  private ExitCode() {}
}
