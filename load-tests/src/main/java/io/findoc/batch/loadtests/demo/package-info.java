/** The demo that {@code ./findoc demo} runs against the local stack. */
package io.findoc.batch.loadtests.demo;
