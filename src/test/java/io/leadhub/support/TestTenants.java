package io.leadhub.support;

import io.leadhub.security.ApiKeys;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates tenants with a live API key straight in the database, so intake and read-API tests do not depend
 * on the partner admin API (which has tests of its own).
 */
public final class TestTenants {

    private final JdbcTemplate jdbc;

    public TestTenants(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public TestTenant create() {
        UUID id = UUID.randomUUID();
        String key = ApiKeys.generate();
        jdbc.update("""
                INSERT INTO tenants (id, practice_name, slug, first_name, last_name, email)
                VALUES (?, ?, ?, 'Test', 'Owner', ?)""", id, "Practice " + id, "t-" + id, id + "@example.com");
        jdbc.update("INSERT INTO api_keys (id, tenant_id, key_hash, key_prefix) VALUES (?, ?, ?, ?)",
                UUID.randomUUID(), id, ApiKeys.hash(key), ApiKeys.displayPrefix(key));
        return new TestTenant(id, key);
    }

    /** A tenant and the plaintext of its live key. */
    public record TestTenant(UUID id, String apiKey) {
    }
}
