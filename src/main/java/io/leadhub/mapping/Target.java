package io.leadhub.mapping;

import io.leadhub.canonical.CanonicalLead;
import java.util.ArrayList;
import java.util.List;

/** Where a rule's value goes: a canonical leaf, a pipeline status, or a named custom entry. */
sealed interface Target {

    ValueKind kind();

    /** The name validation reports: the leaf's alias, or {@code status.<pipeline>} / {@code custom.<name>}. */
    String displayName();

    Object read(CanonicalLead lead);

    void store(LeadAssembler lead, Resolved value);

    record Field(CanonicalField field) implements Target {
        @Override
        public ValueKind kind() {
            return field.kind();
        }

        @Override
        public String displayName() {
            return field.alias();
        }

        @Override
        public Object read(CanonicalLead lead) {
            return field.read(lead);
        }

        @Override
        public void store(LeadAssembler lead, Resolved value) {
            lead.field(field, value);
        }
    }

    record Status(String pipeline) implements Target {
        @Override
        public ValueKind kind() {
            return ValueKind.TEXT;
        }

        @Override
        public String displayName() {
            return "status." + pipeline;
        }

        @Override
        public Object read(CanonicalLead lead) {
            return lead.workflow().statuses().get(pipeline);
        }

        @Override
        public void store(LeadAssembler lead, Resolved value) {
            lead.status(pipeline, (String) value.value());
        }
    }

    record Custom(String name) implements Target {
        @Override
        public ValueKind kind() {
            return ValueKind.ANY;
        }

        @Override
        public String displayName() {
            return "custom." + name;
        }

        @Override
        public Object read(CanonicalLead lead) {
            return lead.custom().get(name);
        }

        @Override
        public void store(LeadAssembler lead, Resolved value) {
            lead.custom(name, value.value());
        }
    }

    /** Every spelling a target may have, for "did you mean". */
    static List<String> spellings() {
        List<String> spellings = new ArrayList<>();
        for (CanonicalField field : CanonicalField.values()) {
            spellings.add(field.alias());
            spellings.add(field.path());
        }
        spellings.addAll(List.of("status.<pipeline>", "workflow.statuses.<pipeline>", "custom.<name>"));
        return spellings;
    }

    /** @throws IllegalArgumentException with the problem sentence a mapping file error reports */
    static Target parse(String written) {
        for (String prefix : List.of("status.", "workflow.statuses.")) {
            if (written.startsWith(prefix)) {
                return new Status(keyAfter(prefix, written, "a pipeline name"));
            }
        }
        if (written.startsWith("custom.")) {
            return new Custom(keyAfter("custom.", written, "a name"));
        }
        for (CanonicalField field : CanonicalField.values()) {
            if (written.equals(field.alias()) || written.equals(field.path())) {
                return new Field(field);
            }
        }
        if (written.equals("phoneOriginal") || written.equals("contact.phoneOriginal")) {
            throw new IllegalArgumentException(written + " is not a target: it always holds what the rule for phone"
                    + " read, so map phone instead");
        }
        throw new IllegalArgumentException("unknown canonical field '" + written + "'"
                + Suggestions.didYouMean(written, spellings()));
    }

    private static String keyAfter(String prefix, String written, String what) {
        String key = written.substring(prefix.length()).strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException("'" + written + "' needs " + what + " after '" + prefix + "'");
        }
        return key;
    }
}
