package io.leadhub.security;

import io.leadhub.http.HttpProblem;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Resolves the tenant behind a request's API key ({@code X-API-Key}, or {@code Authorization: Bearer}).
 * The credential headers are removed from the message as soon as they are read, so no later step, response
 * or outbound call can echo them. Refusals use intake.link's texts, which the seed documents fix. Lookups go
 * through {@link TenantKeyCache}, which answers known keys from memory while that is safe.
 */
@Component
public class ApiKeyAuthenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String AUTHORIZATION_HEADER = "Authorization";
    private static final String BEARER = "bearer ";

    private static final String FIND_TENANT = """
            SELECT k.tenant_id, t.disabled
              FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
             WHERE k.key_hash = ? AND k.revoked_at IS NULL AND t.deleted_at IS NULL
            """;

    private final JdbcTemplate jdbc;
    private final TenantKeyCache cache;

    public ApiKeyAuthenticator(JdbcTemplate jdbc, TenantKeyCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** Returns the tenant id, or throws 401 (no key) / 403 (unknown, revoked, or tenant disabled). */
    public UUID authenticate(Exchange exchange) {
        String key = takeCredential(exchange.getMessage());
        if (key == null) {
            throw HttpProblem.unauthorized("API key required");
        }
        TenantKey found = cache.lookup(ApiKeys.hash(key), this::findTenant)
                .orElseThrow(() -> HttpProblem.forbidden("Invalid API key"));
        if (found.disabled()) {
            throw HttpProblem.forbidden("Tenant is disabled");
        }
        return found.tenantId();
    }

    private Optional<TenantKey> findTenant(byte[] keyHash) {
        return jdbc.query(FIND_TENANT,
                (rs, n) -> new TenantKey(rs.getObject(1, UUID.class), rs.getBoolean(2)), keyHash).stream().findFirst();
    }

    static String takeCredential(Message message) {
        String apiKey = message.getHeader(API_KEY_HEADER, String.class);
        String authorization = message.getHeader(AUTHORIZATION_HEADER, String.class);
        message.removeHeader(API_KEY_HEADER);
        message.removeHeader(AUTHORIZATION_HEADER);
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKey.trim();
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            return token.isEmpty() ? null : token;
        }
        return null;
    }
}
