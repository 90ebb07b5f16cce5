package io.leadhub.http;

import org.apache.camel.Converter;
import org.apache.camel.StreamCache;
import org.apache.camel.TypeConverters;
import org.apache.camel.converter.stream.ReaderCache;
import org.springframework.stereotype.Component;

/**
 * Camel caches every request body as it creates the message. For a reader it would copy the text out through a
 * buffer and a string builder of its own; the hub's request wrapper has decoded the body already
 * ({@link BoundedBodyRequest}), so the cache holds that text as it is. Camel finds TypeConverters beans itself.
 */
@Component
public class DecodedBodyConverter implements TypeConverters {

    @Converter
    public StreamCache toStreamCache(BoundedBodyRequest.DecodedBody body) {
        return new ReaderCache(body.text());
    }
}
