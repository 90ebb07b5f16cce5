package io.leadhub.mapping;

/**
 * A rule's result: the canonical value, and the value as the source sent it before any transform, which the
 * phone keeps as {@code phoneOriginal}.
 */
record Resolved(Object original, Object value) {
}
