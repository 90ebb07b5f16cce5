package io.leadhub.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body is read once, and only up to one byte past the limit.
 *
 * <p>Camel's Spring Boot platform-http reads the whole request body into memory as it creates the message
 * ({@code PlatformHttpMessage.init}), before any route step and whatever its size: a 400 MB chunked post took
 * 1.4 GB of heap before the 413. Behind this wrapper it can read no more than the limit allows, and {@link
 * BodyLimit} refuses what reached the extra byte. The raw bytes stay here for the hub's parsers, which honour
 * the charset the client declared; the Reader Camel asks for decodes in that charset too (UTF-8 when none is
 * declared, or when it names one this JVM lacks, which {@link BodyLimit} then refuses with a 415).
 */
final class BoundedBodyRequest extends HttpServletRequestWrapper {

    private final int readLimit;
    private byte[] body;
    private IOException failure;

    BoundedBodyRequest(HttpServletRequest request, long maxBytes) {
        super(request);
        this.readLimit = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
    }

    /**
     * The body as sent, at most one byte past the limit. A body that declares a length over the limit is not read
     * at all: it is empty here, and {@link BodyLimit} refuses it by its declared length.
     */
    byte[] body() throws IOException {
        if (body == null && failure == null) {
            try {
                body = read(getContentLengthLong());
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return body;
    }

    private byte[] read(long declaredLength) throws IOException {
        if (declaredLength >= readLimit) {
            return new byte[0];
        }
        if (declaredLength < 0) {
            return super.getInputStream().readNBytes(readLimit);
        }
        // The container holds the client to its Content-Length, so no more than that can arrive; less means the
        // connection ended mid-body, which is a body the hub could not read, not a malformed one.
        byte[] exact = new byte[(int) declaredLength];
        if (super.getInputStream().readNBytes(exact, 0, exact.length) < exact.length) {
            throw new EOFException("The body ended before its Content-Length");
        }
        return exact;
    }

    /**
     * What Camel gets to read. A body that could not be read is empty here rather than an exception: Camel reads
     * as it creates the message, outside any route's error handling, where a failure is a bare 500. The route's
     * own {@link BodyLimit} step meets the failure again and answers it.
     */
    private byte[] bodyOrEmpty() {
        try {
            return body();
        } catch (IOException unreadable) {
            return new byte[0];
        }
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream bytes = new ByteArrayInputStream(bodyOrEmpty());
        return new ServletInputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                return bytes.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return bytes.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("The body is already read");
            }
        };
    }

    /**
     * Decoded in one go: a body is at most the limit, and a stream decoder would allocate more than it holds.
     * Camel turns the reader into its message body as it creates the message; the text goes there as it is
     * ({@link DecodedBody}), not copied out of the reader through buffers of its own.
     */
    @Override
    public BufferedReader getReader() {
        return new DecodedBody(new String(bodyOrEmpty(), readerCharset()));
    }

    /** A body already decoded: read as any reader, or taken whole by the type converter Camel's message uses. */
    static final class DecodedBody extends BufferedReader {

        private final String text;

        DecodedBody(String text) {
            // Nothing reads it through the buffer: Camel takes the text, and a bulk read bypasses a small buffer.
            super(new StringReader(text), 1);
            this.text = text;
        }

        String text() {
            return text;
        }
    }

    private Charset readerCharset() {
        try {
            Charset declared = ContentType.of(getContentType()).charset();
            return declared != null ? declared : StandardCharsets.UTF_8;
        } catch (HttpProblem unsupported) {
            return StandardCharsets.UTF_8;
        }
    }
}
