package io.leadhub.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadhub.canonical.Contact;
import io.leadhub.http.HttpProblem;
import io.leadhub.http.JsonBodies;
import io.leadhub.http.RequestBody;
import io.leadhub.http.StorableValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads create and update bodies into {@link PracticeInput}, with a 400 that names the field for every way a
 * body can be wrong. Field names match ignoring case, as IntakeQ's .NET binding does, so a partner's existing
 * client works whether it sends {@code PracticeName} or {@code practiceName}.
 */
@Component
public class PracticeRequestParser {

    // Deliberately loose: one @, something on each side, a dot in the domain. Deliverability is the owner's
    // business; this only catches values that cannot be an address at all.
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_SLUG_LENGTH = 64;
    // Indexed (unique), and PostgreSQL refuses an index entry of a few kilobytes; emails are capped by RFC 5321.
    private static final int MAX_EXTERNAL_ID_LENGTH = 255;

    private final ObjectReader objectReader;

    public PracticeRequestParser(ObjectMapper mapper) {
        this.objectReader = JsonBodies.strict(mapper.readerFor(ObjectNode.class));
    }

    public PracticeInput forCreate(RequestBody body) {
        PracticeInput input = parse(body);
        requireOwnerFields(input);
        return input;
    }

    /** An update names its practice by Id or, failing that, by ExternalPracticeId. */
    public PracticeInput forUpdate(RequestBody body) {
        PracticeInput input = parse(body);
        if (input.id() == null && input.externalPracticeId() == null) {
            throw new HttpProblem(400, "Id or ExternalPracticeId is required", Map.of("missing", List.of("Id")));
        }
        requireOwnerFields(input);
        return input;
    }

    private PracticeInput parse(RequestBody body) {
        Map<String, JsonNode> fields = objectFields(body);
        String slug = text(fields, "Slug");
        if (slug != null && (slug.length() > MAX_SLUG_LENGTH || !SLUG.matcher(slug).matches())) {
            throw invalid("Slug", "Slug may only contain lower-case letters, digits and single hyphens, at most "
                    + MAX_SLUG_LENGTH + " characters");
        }
        String externalPracticeId = text(fields, "ExternalPracticeId");
        if (externalPracticeId != null && externalPracticeId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw invalid("ExternalPracticeId", "ExternalPracticeId may be at most " + MAX_EXTERNAL_ID_LENGTH
                    + " characters");
        }
        return new PracticeInput(
                text(fields, "Id"),
                text(fields, "PracticeName"),
                text(fields, "FirstName"),
                text(fields, "LastName"),
                text(fields, "Email"),
                externalPracticeId,
                slug,
                text(fields, "StreetAddress"),
                text(fields, "City"),
                text(fields, "State"),
                text(fields, "PostalCode"),
                flag(fields, "FormsEnabled"),
                flag(fields, "BookingEnabled"));
    }

    private Map<String, JsonNode> objectFields(RequestBody body) {
        ObjectNode node = JsonBodies.readObject(objectReader, body);
        Map<String, JsonNode> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        node.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
        return fields;
    }

    private static void requireOwnerFields(PracticeInput input) {
        List<String> missing = new ArrayList<>();
        addIfNull(missing, "PracticeName", input.practiceName());
        addIfNull(missing, "FirstName", input.firstName());
        addIfNull(missing, "LastName", input.lastName());
        addIfNull(missing, "Email", input.email());
        if (!missing.isEmpty()) {
            throw new HttpProblem(400, "Missing required field" + (missing.size() > 1 ? "s" : "") + ": "
                    + String.join(", ", missing), Map.of("missing", missing));
        }
        if (input.email().length() > Contact.MAX_EMAIL_LENGTH || !EMAIL.matcher(input.email()).matches()) {
            throw invalid("Email", "Email is not a valid email address");
        }
    }

    private static void addIfNull(List<String> missing, String name, String value) {
        if (value == null) {
            missing.add(name);
        }
    }

    /**
     * Strings, and whole numbers as written (partners send ExternalPracticeId as 1234 as often as "1234"); blank
     * is absent. Anything else is refused rather than rewritten: 1e3 would become "1000.0", true "true". Text
     * PostgreSQL cannot hold is cleaned as lead fields are ({@link StorableValues}).
     */
    private static String text(Map<String, JsonNode> fields, String name) {
        JsonNode value = present(fields, name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() && !value.isIntegralNumber()) {
            throw invalid(name, name + " must be a string");
        }
        String text = StorableValues.text(value.asText()).strip();
        return text.isEmpty() ? null : text;
    }

    private static Boolean flag(Map<String, JsonNode> fields, String name) {
        JsonNode value = present(fields, name);
        if (value != null && !value.isBoolean()) {
            throw invalid(name, name + " must be true or false");
        }
        return value == null ? null : value.booleanValue();
    }

    /** JSON null means the same as leaving the field out. */
    private static JsonNode present(Map<String, JsonNode> fields, String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static HttpProblem invalid(String field, String message) {
        return new HttpProblem(400, message, Map.of("invalid", List.of(field)));
    }
}
