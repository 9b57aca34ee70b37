/** The shared vocabulary of coordinator and workers: ids, states, messages, topics and JSON. */
package io.findoc.batch.common;
