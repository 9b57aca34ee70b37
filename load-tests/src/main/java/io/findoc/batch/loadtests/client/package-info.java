/** A small client of the coordinator's REST API. */
package io.findoc.batch.loadtests.client;
