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

    /** {@code reader} is bound to an object type (a Map or ObjectNode), so a non-object fails to bind. */
    public static <T> T readObject(ObjectReader reader, byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid();
        }
        try {
            T value = reader.readValue(body);
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
