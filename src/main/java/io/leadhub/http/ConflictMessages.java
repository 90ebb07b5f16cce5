package io.leadhub.http;

import java.util.Map;

/**
 * What a unique index refusing a write means to the caller, contributed by the package that owns the table,
 * so {@link ApiErrorPolicy} can answer 409 with a useful sentence without knowing every schema.
 */
public interface ConflictMessages {

    /** Unique index (constraint) name to the client-facing sentence. */
    Map<String, String> byConstraint();
}
