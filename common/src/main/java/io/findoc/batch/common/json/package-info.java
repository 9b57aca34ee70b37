/** The one Jackson setup, and the Kafka (de)serialisers built on it. */
package io.findoc.batch.common.json;
