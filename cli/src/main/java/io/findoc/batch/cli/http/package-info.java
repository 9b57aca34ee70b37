/** The API over HTTP: requests with the bearer key, problem+json answers turned into exceptions. */
package io.findoc.batch.cli.http;
