/**
 * The coordinator: takes jobs over REST ({@code api}, {@code submission}), stores them ({@code
 * store}), hands their tasks to Kafka ({@code dispatch}) and applies what workers report ({@code
 * tracking}).
 */
package io.findoc.batch.coordinator;
