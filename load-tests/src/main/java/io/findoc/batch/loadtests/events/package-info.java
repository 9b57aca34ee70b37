/** An example consumer of the job-events topic, as a downstream service would read it. */
package io.findoc.batch.loadtests.events;
