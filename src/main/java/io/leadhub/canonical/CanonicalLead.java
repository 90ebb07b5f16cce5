package io.leadhub.canonical;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * One lead in the hub's own terms. Identity fields ({@code id}, {@code tenantId}, timestamps) are null until the
 * lead is persisted; {@code custom} holds every incoming key that no mapping claimed, under its original name.
 */
public record CanonicalLead(
        UUID id,
        UUID tenantId,
        String source,
        String externalId,
        Contact contact,
        LocalDate dateOfBirth,
        String gender,
        Address address,
        Attribution attribution,
        Compliance compliance,
        Workflow workflow,
        Map<String, Object> custom,
        Instant createdAt,
        Instant modifiedAt) {

    /**
     * Longest source id a lead may carry: far above any real one (GHL's are 20 characters, UUIDs 36), and short
     * enough for the unique index that dedups leads by it.
     */
    public static final int MAX_EXTERNAL_ID_LENGTH = 255;

    public CanonicalLead {
        contact = contact == null ? Contact.EMPTY : contact;
        address = address == null ? Address.EMPTY : address;
        attribution = attribution == null ? Attribution.EMPTY : attribution;
        compliance = compliance == null ? Compliance.EMPTY : compliance;
        workflow = workflow == null ? Workflow.EMPTY : workflow;
        custom = custom == null ? Map.of() : custom;
    }

    /** The same lead with the identity the store gave it. */
    public CanonicalLead withIdentity(UUID id, UUID tenantId, String source, Instant createdAt, Instant modifiedAt) {
        return new CanonicalLead(id, tenantId, source, externalId, contact, dateOfBirth, gender, address,
                attribution, compliance, workflow, custom, createdAt, modifiedAt);
    }
}
