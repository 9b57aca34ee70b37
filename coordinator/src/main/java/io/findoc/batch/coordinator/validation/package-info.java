/**
 * What is wrong with a request, in the words every part of the API shares: a {@link
 * io.findoc.batch.coordinator.validation.Violation} names a field and says what is wrong with it.
 */
package io.findoc.batch.coordinator.validation;
