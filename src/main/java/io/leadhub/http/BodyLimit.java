package io.leadhub.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one request-body size limit ({@code hub.max-body-bytes}, 1 MiB by default) for every endpoint that reads a
 * body: intake and the partner API. A declared Content-Length over the limit is refused before the body is used,
 * and a body without one (chunked) is read only to just past the limit.
 *
 * <p>Over HTTP the bytes are the ones {@link BoundedBodyRequest} read, as sent, not Camel's body: that is text
 * Camel decoded, and parsers need the bytes and the charset the client declared (Camel's binding used to decode
 * in the UTF-8 Spring forces on every request, so a Latin-1 body, or a byte that is not UTF-8, was a 500).
 */
@Component
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@Value("${hub.max-body-bytes}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Refuses with 413 when the request declares a body over the limit. */
    public void checkDeclaredLength(Message message) {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBytes) {
            throw tooLarge();
        }
    }

    /**
     * The body (empty when there is none) with its declared charset; 413 {@code Payload too large} over the limit,
     * 415 {@code Unsupported Content-Encoding: …} for a body sent in any content coding ({@link ContentEncoding}),
     * 415 {@code Unsupported content type} for a charset this JVM does not know. A chunked body declares no
     * length, so it is read only up to just past the limit: an endless body cannot fill the heap.
     */
    public RequestBody read(Message message) {
        checkDeclaredLength(message);
        ContentEncoding.requireIdentity(message.getHeader(ContentEncoding.HEADER));
        Charset charset = ContentType.of(message.getHeader(Exchange.CONTENT_TYPE, String.class)).charset();
        byte[] body;
        if (message instanceof PlatformHttpMessage http && http.getRequest() instanceof BoundedBodyRequest request) {
            body = sentBytes(request);
        } else {
            body = camelBody(message);
        }
        if (body == null) {
            return RequestBody.EMPTY;
        }
        if (body.length > maxBytes) {
            throw tooLarge();
        }
        return new RequestBody(body, charset);
    }

    /** Routes reached other than over HTTP (route tests, direct: calls) carry the body as Camel holds it. */
    private byte[] camelBody(Message message) {
        Object stream = message.getBody();
        if (stream instanceof Reader reader) {
            // Every character is at least one byte, so one character past the limit is always too large.
            message.setBody(readAtMost(reader, maxBytes + 1));
        } else if (stream instanceof InputStream input) {
            message.setBody(readAtMost(input, maxBytes + 1));
        }
        return message.getBody(byte[].class);
    }

    private static byte[] sentBytes(BoundedBodyRequest request) {
        try {
            return request.body();
        } catch (IOException e) {
            throw unreadable();
        }
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
            throw unreadable();
        }
        return text.toString();
    }

    private static byte[] readAtMost(InputStream input, long maxBytes) {
        try {
            return input.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw unreadable();
        }
    }

    /** The client stopped sending mid-body (or the connection broke): nothing was read, so nothing is written. */
    private static HttpProblem unreadable() {
        return HttpProblem.badRequest("Could not read the request body");
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "Payload too large");
    }
}
