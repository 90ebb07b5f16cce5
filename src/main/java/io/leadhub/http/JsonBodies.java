package io.leadhub.http;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Reads a request body that must be one JSON object, straight into the caller's type in one pass. Anything
 * else (empty, malformed, an array, a bare value, {@code null}) is the seeds' 400 "Invalid JSON body".
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * {@code reader} is bound to an object type (a Map or ObjectNode), so a non-object fails to bind. UTF-8 (or
     * undeclared) bytes are parsed as they are, and a byte that is not UTF-8 is malformed JSON; a body declared
     * in another charset is decoded in it first.
     */
    public static <T> T readObject(ObjectReader reader, RequestBody body) {
        if (body.isEmpty()) {
            throw invalid();
        }
        try {
            T value = body.isUtf8OrUndeclared() ? reader.readValue(body.bytes()) : reader.readValue(body.text());
            if (value == null) {
                throw invalid();
            }
            return value;
        } catch (IOException e) {
            throw invalid();
        }
    }

    private static HttpProblem invalid() {
        return HttpProblem.badRequest("Invalid JSON body");
    }
}
