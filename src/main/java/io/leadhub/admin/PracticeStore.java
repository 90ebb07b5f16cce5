package io.leadhub.admin;

import com.github.slugify.Slugify;
import io.leadhub.http.HttpProblem;
import io.leadhub.persistence.SqlFiles;
import io.leadhub.security.ApiKeys;
import io.leadhub.security.SecretCipher;
import io.leadhub.security.TenantKeyCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Practices (the hub's tenants), their owner and their API key. Every change is one transaction; uniqueness of
 * slugs and ExternalPracticeIds among live practices is the unique indexes' job, never a prior SELECT, so two
 * concurrent requests cannot both win (the loser's DuplicateKeyException becomes a 409 in the error policy).
 * A practice is named by its Id or its ExternalPracticeId; "not found" is an empty Optional. Changes to an
 * existing practice or its keys empty this instance's {@link TenantKeyCache} as soon as they commit, so a
 * rotated or deleted key is refused here at once instead of after the database's notification arrives.
 */
@Repository
public class PracticeStore {

    private static final Logger log = LoggerFactory.getLogger(PracticeStore.class);

    private static final String INSERT = SqlFiles.load("practice-insert.sql");
    private static final String NEXT_SLUG_SUFFIX = SqlFiles.load("practice-next-slug-suffix.sql");
    private static final String INSERT_OWNER = SqlFiles.load("practice-insert-owner.sql");
    private static final String UPDATE = SqlFiles.load("practice-update.sql");
    private static final String UPDATE_OWNER = SqlFiles.load("practice-update-owner.sql");
    private static final String DELETE = SqlFiles.load("practice-delete.sql");
    private static final String FIND = SqlFiles.load("practice-find.sql");
    private static final String RESOLVE = SqlFiles.load("practice-resolve.sql");
    private static final String INSERT_KEY = SqlFiles.load("practice-insert-key.sql");
    private static final String REVOKE_LIVE_KEY = SqlFiles.load("practice-revoke-live-key.sql");
    private static final String REVOKE_ALL_KEYS = SqlFiles.load("practice-revoke-all-keys.sql");
    private static final String LIVE_KEY = SqlFiles.load("practice-live-key.sql");

    /** Each attempt follows a concurrent create that took the guessed slug; more means something is wrong. */
    private static final int SLUG_ATTEMPTS = 20;
    private static final int MAX_DERIVED_SLUG_LENGTH = 50;
    private static final boolean FOR_UPDATE = true;
    private static final boolean WITHOUT_LOCK = false;

    private final NamedParameterJdbcTemplate jdbc;
    private final SecretCipher cipher;
    private final TenantKeyCache keyCache;
    private final Slugify slugify = Slugify.builder().build();

    // The cipher comes first so that a missing HUB_SECRET_KEY is reported before the first database
    // connection is even attempted (constructor arguments are resolved in order).
    public PracticeStore(SecretCipher cipher, NamedParameterJdbcTemplate jdbc, TenantKeyCache keyCache) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.keyCache = keyCache;
    }

    /** The practice, its owner as a staff member, and its first API key, together or not at all. */
    @Transactional
    public Practice create(PracticeInput input) {
        UUID id = UUID.randomUUID();
        Practice practice = insertWithFreeSlug(fieldParameters(input).addValue("id", id), input);
        jdbc.update(INSERT_OWNER, ownerParameters(id, input).addValue("id", UUID.randomUUID()));
        issueKey(id);
        return practice;
    }

    /** Live practices matching every given filter (null means any), oldest first. */
    @Transactional(readOnly = true)
    public List<Practice> find(String id, String email, String externalPracticeId) {
        UUID uuid = uuidOrNull(id);
        if (id != null && uuid == null) {
            return List.of();
        }
        return jdbc.query(FIND, new MapSqlParameterSource()
                .addValue("id", uuid)
                .addValue("email", email)
                .addValue("externalPracticeId", externalPracticeId), PracticeStore::practice);
    }

    /** Updates the practice named by the input's Id, or by its ExternalPracticeId when no Id is given. */
    @Transactional
    public Optional<Practice> update(PracticeInput input) {
        Optional<UUID> target = input.id() != null
                ? resolve(uuidOrNull(input.id()), null, FOR_UPDATE)
                : resolve(null, input.externalPracticeId(), FOR_UPDATE);
        return target.map(id -> {
            Practice updated = jdbc.queryForObject(UPDATE, fieldParameters(input).addValue("tenantId", id),
                    PracticeStore::practice);
            jdbc.update(UPDATE_OWNER, ownerParameters(id, input));
            // Nothing updated here decides who may authenticate today; forgetting anyway costs one lookup
            // per key and keeps this correct if a practice field ever does (the database notifies too).
            forgetCachedKeysAfterCommit();
            return updated;
        });
    }

    /** Soft-deletes the practice and revokes its keys, so its key is refused from the moment this commits. */
    @Transactional
    public Optional<Practice> delete(String reference) {
        return resolve(reference, FOR_UPDATE).map(id -> {
            Practice deleted = jdbc.queryForObject(DELETE, tenant(id), PracticeStore::practice);
            jdbc.update(REVOKE_ALL_KEYS, tenant(id));
            forgetCachedKeysAfterCommit();
            return deleted;
        });
    }

    /** The practice's live key, the same on every call until it is rotated. */
    @Transactional(readOnly = true)
    public Optional<PracticeKey> liveKey(String reference) {
        return resolve(reference, WITHOUT_LOCK).map(id -> new PracticeKey(id, decryptLiveKey(id)));
    }

    /**
     * Revokes the live key and issues a new one. The practice row is locked first, so concurrent rotations
     * take turns instead of both revoking the same key and colliding on the one-live-key index.
     */
    @Transactional
    public Optional<PracticeKey> rotateKey(String reference) {
        return resolve(reference, FOR_UPDATE).map(id -> {
            jdbc.update(REVOKE_LIVE_KEY, tenant(id));
            forgetCachedKeysAfterCommit();
            return issueKey(id);
        });
    }

    /**
     * Not before the commit: a request on another thread could read the old row meanwhile and cache it again.
     * The whole cache goes, as with the database's notification; partner changes are rare.
     */
    private void forgetCachedKeysAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keyCache.invalidateAll();
            }
        });
    }

    private Practice insertWithFreeSlug(MapSqlParameterSource parameters, PracticeInput input) {
        if (input.slug() != null) {
            return insert(parameters, input.slug()).orElseThrow(() ->
                    HttpProblem.conflict("Slug '" + input.slug() + "' is already used by another practice"));
        }
        String base = derivedSlug(input.practiceName());
        Optional<Practice> inserted = insert(parameters, base);
        for (int attempt = 0; inserted.isEmpty() && attempt < SLUG_ATTEMPTS; attempt++) {
            String suffix = jdbc.queryForObject(NEXT_SLUG_SUFFIX, Map.of("base", base), String.class);
            inserted = insert(parameters, base + "-" + suffix);
        }
        return inserted.orElseThrow(() -> new IllegalStateException(
                "No free slug for '" + base + "' after " + SLUG_ATTEMPTS + " attempts"));
    }

    private Optional<Practice> insert(MapSqlParameterSource parameters, String slug) {
        return jdbc.query(INSERT, parameters.addValue("slug", slug), PracticeStore::practice).stream().findFirst();
    }

    /** Slugify's slug, narrowed to what an explicit Slug may hold (it keeps underscores, for one). */
    private String derivedSlug(String practiceName) {
        String slug = slugify.slugify(practiceName).replaceAll("[^a-z0-9]+", "-");
        if (slug.length() > MAX_DERIVED_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_DERIVED_SLUG_LENGTH);
        }
        slug = slug.replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "practice" : slug;
    }

    private PracticeKey issueKey(UUID tenantId) {
        String key = ApiKeys.generate();
        jdbc.update(INSERT_KEY, tenant(tenantId)
                .addValue("id", UUID.randomUUID())
                .addValue("keyHash", ApiKeys.hash(key))
                .addValue("keyPrefix", ApiKeys.displayPrefix(key))
                .addValue("keyCiphertext", cipher.encrypt(key)));
        return new PracticeKey(tenantId, key);
    }

    private String decryptLiveKey(UUID tenantId) {
        String ciphertext = jdbc.queryForList(LIVE_KEY, tenant(tenantId), String.class).stream()
                .filter(value -> value != null).findFirst().orElse(null);
        if (ciphertext == null) {
            // Keys made outside this API (fixtures, imports) have no retrievable copy.
            throw HttpProblem.conflict("This practice has no retrievable API key; rotate the key to issue one");
        }
        try {
            return cipher.decrypt(ciphertext);
        } catch (IllegalStateException | IllegalArgumentException e) {
            log.warn("The live key of practice {} cannot be decrypted; was hub.secret-key changed?", tenantId);
            throw HttpProblem.conflict(
                    "This practice's API key cannot be recovered with the hub's current secret key; "
                            + "rotate the key to issue a new one");
        }
    }

    /** A reference from a URL may be either; a match on Id wins (see practice-resolve.sql). */
    private Optional<UUID> resolve(String reference, boolean lock) {
        return resolve(uuidOrNull(reference), reference, lock);
    }

    private Optional<UUID> resolve(UUID id, String externalPracticeId, boolean lock) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("reference", externalPracticeId);
        return jdbc.queryForList(lock ? RESOLVE + " FOR UPDATE" : RESOLVE, parameters, UUID.class).stream().findFirst();
    }

    private static MapSqlParameterSource fieldParameters(PracticeInput input) {
        return new MapSqlParameterSource()
                .addValue("practiceName", input.practiceName())
                .addValue("firstName", input.firstName())
                .addValue("lastName", input.lastName())
                .addValue("email", input.email())
                .addValue("externalPracticeId", input.externalPracticeId())
                .addValue("slug", input.slug())
                .addValue("streetAddress", input.streetAddress())
                .addValue("city", input.city())
                .addValue("state", input.state())
                .addValue("postalCode", input.postalCode())
                .addValue("formsEnabled", input.formsEnabled())
                .addValue("bookingEnabled", input.bookingEnabled());
    }

    private static MapSqlParameterSource ownerParameters(UUID tenantId, PracticeInput input) {
        return tenant(tenantId)
                .addValue("email", input.email())
                .addValue("firstName", input.firstName())
                .addValue("lastName", input.lastName());
    }

    private static MapSqlParameterSource tenant(UUID tenantId) {
        return new MapSqlParameterSource("tenantId", tenantId);
    }

    private static Practice practice(ResultSet rs, int rowNum) throws SQLException {
        return new Practice(
                rs.getObject("id", UUID.class),
                rs.getString("practice_name"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                rs.getString("email"),
                rs.getString("external_practice_id"),
                rs.getString("slug"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("street_address"),
                rs.getString("city"),
                rs.getString("state"),
                rs.getString("postal_code"),
                rs.getBoolean("forms_enabled"),
                rs.getBoolean("booking_enabled"));
    }

    private static UUID uuidOrNull(String text) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
