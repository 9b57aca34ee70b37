package io.findoc.batch.cli.watch;

import java.time.Duration;

/** Shows progress as it comes: a bar redrawn in place, or a line now and then. */
public interface ProgressView {

  /** The jobs as they stand, the current rate (tasks/s) and the time left (null: not known). */
  void update(Progress progress, double rate, Duration eta);

  /** The last word: the final counts and the mean rate while watched; nothing is redrawn after. */
  void finish(Progress progress, double meanRate);

  /** The message that goes to the user between updates (it must not be drawn over). */
  void say(String message);
}
