package io.leadhub.mapping;

/**
 * A value that cannot become what its target needs (a map where text is wanted, "abc" as a price). Not an error of
 * the lead: the rule tries its next candidate and the key stays in custom. Stackless, because it is control flow.
 */
final class ValueException extends RuntimeException {

    ValueException(String message) {
        super(message, null, false, false);
    }
}
