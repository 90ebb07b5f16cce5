package io.leadhub.mapping;

import static io.leadhub.mapping.CanonicalField.*;

import io.leadhub.canonical.Address;
import io.leadhub.canonical.Attribution;
import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Compliance;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the normalized values of one mapping run and builds the lead from them. */
final class LeadAssembler {

    private final Map<CanonicalField, Resolved> fields = new EnumMap<>(CanonicalField.class);
    private final Map<String, String> statuses = new LinkedHashMap<>();
    private final Map<String, Object> custom = new LinkedHashMap<>();

    void field(CanonicalField field, Resolved value) {
        fields.put(field, value);
    }

    void status(String pipeline, String status) {
        statuses.put(pipeline, status);
    }

    void custom(String name, Object value) {
        custom.put(name, value);
    }

    /**
     * The lead, with the leftovers in custom. An explicit {@code custom.<name>} keeps its name; an unconsumed key
     * that happens to have the same name moves to "{@code <name> (unmapped)}" rather than being overwritten.
     */
    CanonicalLead build(Map<String, Object> leftovers) {
        Map<String, Object> allCustom = new LinkedHashMap<>(custom);
        leftovers.forEach((key, value) -> allCustom.put(custom.containsKey(key) ? key + " (unmapped)" : key, value));
        Names.Parts names = Names.complete(text(FIRST_NAME), text(LAST_NAME), text(FULL_NAME));
        Contact contact = new Contact(names.first(), names.last(), names.full(), text(EMAIL), text(PHONE),
                phoneOriginal(), text(PHONE_TYPE));
        Address address = new Address(text(LINE1), text(LINE2), text(CITY), text(STATE), text(POSTAL_CODE),
                text(COUNTRY));
        Attribution attribution = new Attribution(text(UTM_SOURCE), text(UTM_MEDIUM), text(UTM_CAMPAIGN),
                text(UTM_TERM), text(UTM_CONTENT), text(REFERRER), text(LANDING_PAGE), text(SUB_ID), text(PUB_ID),
                text(SELLER_LEAD_ID), (BigDecimal) value(PRICE), (BigDecimal) value(DIRECT_POST_PRICE));
        Compliance compliance = new Compliance(text(TRUSTED_FORM_URL), text(IP_ADDRESS), text(USER_AGENT));
        Workflow workflow = new Workflow(text(ENTITY), Collections.unmodifiableMap(statuses), text(ASSIGNEE),
                list(VIEWERS), list(NOTES), list(TAGS), text(PRACTICE_AREA));
        return new CanonicalLead(null, null, null, text(EXTERNAL_ID), contact, (LocalDate) value(DATE_OF_BIRTH),
                text(GENDER), address, attribution, compliance, workflow, Collections.unmodifiableMap(allCustom),
                null, null);
    }

    /** What the phone rule read, as text, before transforms and E.164. */
    private String phoneOriginal() {
        Resolved phone = fields.get(PHONE);
        if (phone == null) {
            return null;
        }
        try {
            return Values.text(phone.original(), NullValues.EMPTY_ONLY);
        } catch (ValueException notText) {
            return String.valueOf(phone.original());
        }
    }

    private Object value(CanonicalField field) {
        Resolved resolved = fields.get(field);
        return resolved == null ? null : resolved.value();
    }

    private String text(CanonicalField field) {
        return (String) value(field);
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> list(CanonicalField field) {
        return (List<T>) value(field);
    }
}
