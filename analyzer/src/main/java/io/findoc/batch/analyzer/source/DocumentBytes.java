package io.findoc.batch.analyzer.source;

/**
 * A document's content as read from its source.
 *
 * @param bytes the content, no longer than the configured cap
 * @param declaredType the content type the submitter or server gave ({@code application/pdf}), or
 *     null; only used to detect a mismatch, never to decide the type
 * @param origin where it came from ({@code inline}, {@code file}, {@code http}), for the result
 */
public record DocumentBytes(byte[] bytes, String declaredType, String origin) {}
