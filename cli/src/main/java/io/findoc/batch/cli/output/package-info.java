/** What commands print on stdout: text for people, JSON or JSON lines for scripts. */
package io.findoc.batch.cli.output;
