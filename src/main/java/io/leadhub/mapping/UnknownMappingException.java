package io.leadhub.mapping;

import java.util.Collection;

/** A route asked for a mapping no file defines: a configuration mistake, so it names what exists. */
public class UnknownMappingException extends IllegalArgumentException {

    private final String name;

    public UnknownMappingException(String name, Collection<String> known) {
        super("Unknown mapping '" + name + "'" + Suggestions.didYouMean(name, known) + "; known mappings: "
                + (known.isEmpty() ? "none" : String.join(", ", known)));
        this.name = name;
    }

    public String name() {
        return name;
    }
}
