/**
 * Where the client finds the API and its key: flags, then the environment, then the config file,
 * then the local stack the launcher names.
 */
package io.findoc.batch.cli.config;
