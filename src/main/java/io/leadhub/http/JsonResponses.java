package io.leadhub.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/** Writes a JSON response on the exchange. */
@Component
public class JsonResponses {

    private final ObjectMapper mapper;

    public JsonResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Platform-http copies message headers onto the HTTP response, so every inbound header (API keys,
     * Authorization, path placeholders) is dropped here before the status and content type are set.
     */
    public void write(Exchange exchange, int status, Object body) {
        Message message = exchange.getMessage();
        message.getHeaders().clear();
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        // The body is complete, so send it with a Content-Length: Camel's default streams it chunked, which costs
        // a flush per response and a second write for the closing chunk.
        message.setHeader(Exchange.HTTP_CHUNKED, false);
        try {
            message.setBody(mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body is not serializable", e);
        }
    }
}
