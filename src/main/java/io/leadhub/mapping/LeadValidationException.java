package io.leadhub.mapping;
import java.util.*;
public class LeadValidationException extends RuntimeException {
    private final List<String> missing; private final Map<String, String> invalid;
    public LeadValidationException(List<String> missing, Map<String, String> invalid, String message) { super(message); this.missing = missing; this.invalid = invalid; }
    public List<String> missing() { return missing; } public Map<String, String> invalid() { return invalid; }
}
