package io.leadhub.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;

/**
 * Reads a request body that must be one JSON object, straight into the caller's type in one pass. Anything
 * else (empty, malformed, an array, a bare value, {@code null}, anything after the object) is the seeds' 400
 * "Invalid JSON body"; so is a body nested deeper than {@link #MAX_DEPTH}.
 *
 * <p>"Nothing after the object" is what makes a body's own text safe to embed in other JSON (the lead's raw copy
 * travels to PostgreSQL inside the batch's JSON array): text after the object would otherwise be read as more
 * fields of the batch, another tenant's id among them.
 */
public final class JsonBodies {

    /**
     * Deepest nesting a body may have. Jackson refuses to write more than 1,000 levels, and a lead's payload is
     * written again a few levels down (inside the batch, the lead, its history event, custom). No real lead comes
     * near this.
     */
    public static final int MAX_DEPTH = 500;

    private static final JsonFactory BODY_PARSERS = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private JsonBodies() {
    }

    /**
     * {@code reader} is bound to an object type (a Map or ObjectNode), so a non-object fails to bind. UTF-8 (or
     * undeclared) bytes are parsed as they are, and a byte that is not UTF-8 is malformed JSON; a body declared
     * in another charset is decoded in it first. Trailing content is refused whether or not the reader was
     * built {@link #strict}; one that was costs nothing extra here.
     */
    public static <T> T readObject(ObjectReader reader, RequestBody body) {
        if (body.isEmpty()) {
            throw invalid();
        }
        reader = strict(reader);
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

    /**
     * The reader, refusing anything after the one JSON value and nesting deeper than {@link #MAX_DEPTH}: build
     * body readers with this once.
     */
    public static ObjectReader strict(ObjectReader reader) {
        return reader.getFactory() == BODY_PARSERS && reader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                ? reader : reader.with(BODY_PARSERS).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private static HttpProblem invalid() {
        return HttpProblem.badRequest("Invalid JSON body");
    }
}
