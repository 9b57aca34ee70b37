/** The Kafka topics coordinator and workers share, with their default names. */
package io.findoc.batch.common.topic;
