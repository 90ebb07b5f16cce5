package io.leadhub.http;

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

    /** The body as bytes (empty when there is none), or 413 {@code Payload too large} over the limit. */
    public byte[] read(Message message) {
        checkDeclaredLength(message);
        byte[] body = message.getBody(byte[].class);
        if (body == null) {
            return new byte[0];
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return body;
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "Payload too large");
    }
}
