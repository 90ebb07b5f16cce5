package io.leadhub.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapped lead the hub will not accept. {@link #missing()} and {@link #invalid()} use canonical field names so each
 * dialect can render them in its own error shape; "name" in {@code missing} stands for the no-contact rule (a lead
 * needs a name, an email or a phone), since no single field is missing then.
 */
public class LeadValidationException extends RuntimeException {

    private static final List<String> NO_CONTACT = List.of("name", "email", "phone");

    private final List<String> missing;
    private final Map<String, String> invalid;

    public LeadValidationException(List<String> missing, Map<String, String> invalid) {
        super(message(missing, invalid));
        this.missing = List.copyOf(missing);
        this.invalid = Collections.unmodifiableMap(new LinkedHashMap<>(invalid));
    }

    public List<String> missing() {
        return missing;
    }

    public Map<String, String> invalid() {
        return invalid;
    }

    private static String message(List<String> missing, Map<String, String> invalid) {
        List<String> sentences = new ArrayList<>();
        List<String> required = new ArrayList<>(missing);
        if (missing.contains("name")) {
            sentences.add("Lead needs a name, email or phone");
            required.removeAll(NO_CONTACT);
        }
        if (!required.isEmpty()) {
            sentences.add((required.size() == 1 ? "Missing required field: " : "Missing required fields: ")
                    + String.join(", ", required));
        }
        invalid.forEach((field, why) -> sentences.add("Invalid " + field + ": " + why));
        return sentences.isEmpty() ? "Lead is not valid" : String.join("; ", sentences);
    }
}
