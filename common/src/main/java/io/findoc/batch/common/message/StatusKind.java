package io.findoc.batch.common.message;

/** What a {@link StatusMessage} reports about an attempt. */
public enum StatusKind {
  /** A worker took the attempt and started the processor. */
  STARTED,
  /** The processor returned a result; the attempt is done. */
  SUCCEEDED,
  /** The processor failed; {@link StatusMessage#error()} says how and whether to retry. */
  FAILED;

  public boolean isFinal() {
    return this != STARTED;
  }
}
