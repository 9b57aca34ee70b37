/** The commands, one class per API resource, each mapping its verbs onto the API's endpoints. */
package io.findoc.batch.cli.commands;
