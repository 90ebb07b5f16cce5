package io.leadhub.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one request-body size limit ({@code hub.max-body-bytes}, 1 MiB by default) for every endpoint that reads a
 * body: intake and the partner API. A declared Content-Length over the limit is refused before the body is used.
 */
@Component
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@Value("${hub.max-body-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Refuses with 413 when the request declares a body over the limit. */
    public void checkDeclaredLength(Message message) {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
    }

    /**
     * The body as bytes (empty when there is none), or 413 {@code Payload too large} over the limit. A chunked body
     * declares no length, so it is read only up to just past the limit: an endless body cannot fill the heap.
     */
    public byte[] read(Message message) {
        checkDeclaredLength(message);
        Object stream = message.getBody();
        if (stream instanceof Reader reader) {
            // Every character is at least one byte, so one character past the limit is always too large; the
            // text is then encoded by Camel's own converter, in the request's charset, exactly as before.
            message.setBody(readAtMost(reader, maxBytes + 1));
        } else if (stream instanceof InputStream input) {
            message.setBody(readAtMost(input, maxBytes + 1));
        }
        byte[] body = message.getBody(byte[].class);
        if (body == null) {
            return new byte[0];
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private static String readAtMost(Reader reader, long maxChars) {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try {
            int read;
            while (text.length() < maxChars
                    && (read = reader.read(buffer, 0, (int) Math.min(buffer.length, maxChars - text.length()))) >= 0) {
                text.append(buffer, 0, read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
        return text.toString();
    }

    private static byte[] readAtMost(InputStream input, long maxBytes) {
        try {
            return input.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "Payload too large");
    }
}
