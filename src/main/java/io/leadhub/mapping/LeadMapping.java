package io.leadhub.mapping;
import io.leadhub.canonical.CanonicalLead; import java.util.Map;
public interface LeadMapping { String name(); CanonicalLead map(Map<String, Object> payload); void validate(CanonicalLead lead); }
