package io.leadhub.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Successful API key lookups, kept in memory so that an intake request need not ask PostgreSQL who its key
 * belongs to. Entries are keyed by the key's SHA-256, never the key itself, and only keys that exist are kept:
 * an unknown key always goes to the database, so a key created anywhere works at once and guessing cannot
 * fill the cache.
 *
 * <p>The cache is trusted only while {@link ApiKeyChangeListener} is listening for the database's change
 * notifications ({@link #listening(boolean)}); otherwise every lookup goes to the database, because a change
 * made meanwhile could not be heard. Writers on this instance also call {@link #invalidateAll()} themselves
 * after committing, so they never wait for their own notification. The TTL
 * ({@code hub.auth.key-cache-ttl}) is only a safety net for a notification that never arrives, such as over
 * a connection that died without either side noticing.
 */
@Component
public class TenantKeyCache {

    private static final int MAXIMUM_SIZE = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final boolean enabled;
    private final Cache<String, TenantKey> entries;
    /** Bumped by every invalidation, so a lookup can tell whether one happened while it read the database. */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    public TenantKeyCache(@Value("${hub.auth.key-cache-enabled:true}") boolean enabled,
            @Value("${hub.auth.key-cache-ttl:60s}") Duration ttl) {
        this.enabled = enabled;
        this.entries = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).expireAfterWrite(ttl).build();
    }

    /** Empties the cache; the next lookup of every key reads the database. */
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }

    /** Whether the operator left the cache on ({@code hub.auth.key-cache-enabled}). */
    boolean enabled() {
        return enabled;
    }

    /**
     * The key's tenant from the cache, or from {@code database} (which answers empty for an unknown, revoked
     * or deleted key). What the database answered is kept only when no invalidation happened since this
     * lookup began: a change committed while the query ran may not be in its answer.
     */
    Optional<TenantKey> lookup(byte[] keyHash, Function<byte[], Optional<TenantKey>> database) {
        long seen = generation.get();
        if (!enabled || !listening) {
            return database.apply(keyHash);
        }
        String id = HEX.formatHex(keyHash);
        TenantKey cached = entries.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TenantKey> found = database.apply(keyHash);
        found.ifPresent(tenantKey -> remember(id, tenantKey, seen));
        return found;
    }

    /**
     * Set by the listener: true once it listens (the cache is emptied first, since changes made before then
     * were not heard), false as soon as its connection fails (and emptied, so nothing stale survives the
     * outage).
     */
    void listening(boolean nowListening) {
        if (nowListening) {
            invalidateAll();
            listening = true;
        } else {
            listening = false;
            invalidateAll();
        }
    }

    /** Whether the cache is trusted: its listener is connected and LISTENing. */
    boolean listening() {
        return listening;
    }

    /** Whether a key is held right now; for tests, which must know the cache is in play. */
    boolean holds(byte[] keyHash) {
        return entries.getIfPresent(HEX.formatHex(keyHash)) != null;
    }

    private void remember(String id, TenantKey tenantKey, long seen) {
        entries.put(id, tenantKey);
        // An invalidation may have run between the database read and this put; it then bumped the generation
        // first, so re-checking after the put either sees that, or the invalidation came later and cleared it.
        if (generation.get() != seen || !listening) {
            entries.invalidate(id);
        }
    }
}
