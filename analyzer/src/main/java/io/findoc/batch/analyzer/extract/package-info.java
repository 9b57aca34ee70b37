/**
 * From bytes to text: the content type is sniffed from the bytes ({@link ContentSniffer}), never
 * taken from a name, and each type has its text extraction, PDF within page, memory and text caps.
 */
package io.findoc.batch.analyzer.extract;
