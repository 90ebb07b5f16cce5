package io.leadhub.mapping;

import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Contact;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A {@link LeadMapping} read from a mapping file. Immutable, so one instance serves every request thread. */
final class FileMapping implements LeadMapping {

    /** A shape check, not RFC 5322: one @, no spaces, a dot in the domain. Deliverability is not the hub's call. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Z}]+@[^@\\s\\p{Z}.]+(\\.[^@\\s\\p{Z}.]+)+");

    private final String name;
    private final String description;
    private final Settings settings;
    private final List<FieldRule> rules;
    private final List<Target> required;

    FileMapping(String name, String description, Settings settings, List<FieldRule> rules, List<Target> required) {
        this.name = name;
        this.description = description;
        this.settings = settings;
        this.rules = List.copyOf(rules);
        this.required = List.copyOf(required);
    }

    @Override
    public String name() {
        return name;
    }

    String description() {
        return description;
    }

    @Override
    public CanonicalLead map(Map<String, Object> payload) {
        MappingRun run = new MappingRun(payload == null ? Map.of() : payload, settings);
        LeadAssembler lead = new LeadAssembler();
        for (FieldRule rule : rules) {
            Resolved value = rule.resolve(run);
            if (value != null) {
                rule.target().store(lead, value);
            }
        }
        return lead.build(run.leftovers());
    }

    @Override
    public void validate(CanonicalLead lead) {
        List<String> missing = new ArrayList<>();
        if (!lead.contact().hasName() && lead.contact().email() == null && lead.contact().phone() == null) {
            missing.addAll(List.of("name", "email", "phone"));
        }
        for (Target target : required) {
            if (Values.isEmpty(target.read(lead)) && !missing.contains(target.displayName())) {
                missing.add(target.displayName());
            }
        }
        Map<String, String> invalid = new LinkedHashMap<>();
        String email = lead.contact().email();
        if (email != null && (email.length() > Contact.MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches())) {
            invalid.put("email", "not an email address");
        }
        if (lead.externalId() != null && lead.externalId().length() > CanonicalLead.MAX_EXTERNAL_ID_LENGTH) {
            invalid.put("externalId", "longer than " + CanonicalLead.MAX_EXTERNAL_ID_LENGTH + " characters");
        }
        if (!missing.isEmpty() || !invalid.isEmpty()) {
            throw new LeadValidationException(missing, invalid);
        }
    }

    @Override
    public String toString() {
        return "mapping " + name + (description == null ? "" : " (" + description + ")");
    }
}
