package io.leadhub.mapping;

import io.leadhub.canonical.CanonicalLead;
import java.util.Map;

/** One source dialect's mapping from its payloads to the canonical lead, as loaded from a mapping file. */
public interface LeadMapping {

    String name();

    /**
     * Maps a parsed payload (JSON object as Map, or form fields) into a canonical lead; id/tenant/source/timestamps
     * stay null. Never throws for missing data.
     */
    CanonicalLead map(Map<String, Object> payload);

    /**
     * Throws LeadValidationException when the lead lacks a name, email and phone (all three absent) or a field the
     * mapping file lists under {@code required}, or when a value is malformed (email without a valid shape).
     */
    void validate(CanonicalLead lead);
}
