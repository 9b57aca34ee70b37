/**
 * The local infrastructure, not part of the product: a real PostgreSQL ({@link LocalPostgres}) for
 * {@code ./findoc up}, and the shared broker and database of the integration tests ({@link
 * TestInfrastructure}). The local Kafka broker is {@code kafka.Kafka} itself, run from this
 * module's class path.
 */
package io.findoc.batch.devstack;
