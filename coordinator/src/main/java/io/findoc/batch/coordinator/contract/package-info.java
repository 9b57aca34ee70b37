/**
 * The API's published contract: the OpenAPI 3.1 document generated from the controllers, with what
 * annotations cannot say (the bearer key, the problem+json answers every operation may give).
 */
package io.findoc.batch.coordinator.contract;
