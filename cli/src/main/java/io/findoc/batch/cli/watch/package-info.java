/**
 * Watching jobs to their end: polling them, a progress bar on a terminal or periodic lines
 * elsewhere, Ctrl-C, and the exit code their outcome maps to.
 */
package io.findoc.batch.cli.watch;
