package io.findoc.batch.common.state;

/** A state change that the entity's transition table does not allow. */
public class IllegalTransitionException extends RuntimeException {

  public IllegalTransitionException(String entity, Enum<?> from, Enum<?> to) {
    super(entity + " may not move from " + from + " to " + to);
  }
}
