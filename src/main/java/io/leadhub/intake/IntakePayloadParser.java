package io.leadhub.intake;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.leadhub.http.BodyLimit;
import io.leadhub.http.ContentType;
import io.leadhub.http.HttpProblem;
import io.leadhub.http.JsonBodies;
import io.leadhub.http.RawFormBodyFilter;
import io.leadhub.http.RequestBody;
import io.leadhub.http.StorableValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns the request body into a JSON-shaped map: JSON objects, or {@code application/x-www-form-urlencoded}
 * fields (repeated keys become lists). Refuses oversize bodies (413), other content types (415) and
 * malformed JSON (400, "Invalid JSON body" as the intake.link seed words it).
 */
@Component
public class IntakePayloadParser {

    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectReader objectReader;
    private final ObjectWriter writer;
    private final BodyLimit bodyLimit;

    public IntakePayloadParser(ObjectMapper mapper, BodyLimit bodyLimit) {
        // Prices arrive as 12.50; binary floating point would store 12.5 and lose what the vendor sent.
        this.objectReader = JsonBodies.strict(
                mapper.readerFor(OBJECT).with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));
        this.writer = mapper.writer();
        this.bodyLimit = bodyLimit;
    }

    /**
     * Sets the payload map ({@link IntakeProperties#PAYLOAD}) and its JSON text for the lead's raw copy
     * ({@link IntakeProperties#RAW_JSON}): a JSON body's own text when it can be stored as it came, so it is
     * not serialized a second time. Removes the request headers once read.
     */
    public void parse(Exchange exchange) {
        Parsed parsed = parse(exchange.getMessage());
        exchange.setProperty(IntakeProperties.PAYLOAD, parsed.payload());
        exchange.setProperty(IntakeProperties.RAW_JSON, parsed.rawJson() != null ? parsed.rawJson() : json(parsed.payload()));
        // Everything later steps need is in properties now. Dropping the request's headers here means no later
        // step, error answer or redelivery copy of the exchange carries them (and copies are cheaper).
        exchange.getMessage().getHeaders().clear();
    }

    private record Parsed(Map<String, Object> payload, String rawJson) {
    }

    private String json(Map<String, Object> payload) {
        try {
            return writer.writeValueAsString(payload);
        } catch (IOException e) {
            throw new IllegalStateException("A parsed payload is always serializable", e);
        }
    }

    private Parsed parse(Message message) {
        bodyLimit.checkDeclaredLength(message);
        String contentType = ContentType.of(message.getHeader(Exchange.CONTENT_TYPE, String.class)).mediaType();
        if (contentType.equals("application/x-www-form-urlencoded")
                || contentType.equals(RawFormBodyFilter.RAW_FORM_MEDIA_TYPE)) {
            return new Parsed(formFields(message), null);
        }
        if (contentType.isEmpty() || contentType.equals("application/json") || contentType.equals("text/json")
                || contentType.endsWith("+json")) {
            return jsonObject(body(message));
        }
        throw new HttpProblem(415, "Unsupported content type");
    }

    private RequestBody body(Message message) {
        return bodyLimit.read(message);
    }

    private Parsed jsonObject(RequestBody body) {
        Map<String, Object> object = JsonBodies.readObject(objectReader, body);
        Map<String, Object> storable = StorableValues.of(object);
        // Stored as sent (a UTF-8 byte order mark left out): JsonBodies has checked it is exactly one object. Stored
        // as parsed instead when PostgreSQL could not hold it as sent (StorableValues changed something), and for
        // UTF-16/32 the parser detected by itself.
        boolean asSent = storable == object && !body.isUndeclaredUtf16Or32();
        return new Parsed(storable, asSent ? body.text() : null);
    }

    private Map<String, Object> formFields(Message message) {
        RequestBody body = body(message);
        return StorableValues.of(FormFields.decode(body.text(), body.charset()));
    }
}
