package io.findoc.batch.common.net;

/** A host that the {@link AddressGuard} refuses: internal, private or written in a legacy form. */
public class AddressNotAllowedException extends RuntimeException {

  public AddressNotAllowedException(String message) {
    super(message);
  }
}
