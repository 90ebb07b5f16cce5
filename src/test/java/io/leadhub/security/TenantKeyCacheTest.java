package io.leadhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules on their own, with the database stood in for by a function that counts its calls: what
 * is kept, what never is, when the database is asked regardless, and that switched off it costs no connection.
 */
class TenantKeyCacheTest {

    private static final Duration TTL = Duration.ofSeconds(60);
    private static final TenantKey TENANT = new TenantKey(UUID.randomUUID(), false);

    private final byte[] keyHash = ApiKeys.hash(ApiKeys.generate());
    private final AtomicInteger queries = new AtomicInteger();

    @Test
    void aFoundKeyIsAnsweredFromMemoryWhileTheListenerListens() {
        TenantKeyCache cache = listeningCache();

        assertThat(cache.lookup(keyHash, database(Optional.of(TENANT)))).contains(TENANT);
        assertThat(cache.lookup(keyHash, database(Optional.of(TENANT)))).contains(TENANT);

        assertThat(queries).hasValue(1);
        assertThat(cache.holds(keyHash)).isTrue();
    }

    @Test
    void anUnknownKeyIsNeverKeptSoAKeyCreatedLaterWorksAtOnce() {
        TenantKeyCache cache = listeningCache();

        assertThat(cache.lookup(keyHash, database(Optional.empty()))).isEmpty();
        assertThat(cache.lookup(keyHash, database(Optional.empty()))).isEmpty();
        assertThat(cache.holds(keyHash)).isFalse();
        assertThat(cache.lookup(keyHash, database(Optional.of(TENANT)))).contains(TENANT);

        assertThat(queries).hasValue(3);
    }

    @Test
    void invalidationSendsTheNextLookupToTheDatabase() {
        TenantKeyCache cache = listeningCache();
        TenantKey disabled = new TenantKey(TENANT.tenantId(), true);
        cache.lookup(keyHash, database(Optional.of(TENANT)));

        cache.invalidateAll();

        assertThat(cache.lookup(keyHash, database(Optional.of(disabled)))).contains(disabled);
        assertThat(queries).hasValue(2);
    }

    @Test
    void anAnswerReadWhileAnInvalidationRanIsNotKept() {
        TenantKeyCache cache = listeningCache();

        // The change commits, and its notification is handled, while this lookup's query is under way: the
        // query may have read the row as it was before.
        assertThat(cache.lookup(keyHash, hash -> {
            cache.invalidateAll();
            return Optional.of(TENANT);
        })).contains(TENANT);

        assertThat(cache.holds(keyHash)).isFalse();
    }

    @Test
    void untilTheListenerListensEveryLookupGoesToTheDatabase() {
        TenantKeyCache cache = new TenantKeyCache(true, TTL);

        cache.lookup(keyHash, database(Optional.of(TENANT)));
        cache.lookup(keyHash, database(Optional.of(TENANT)));

        assertThat(queries).hasValue(2);
        assertThat(cache.holds(keyHash)).isFalse();
    }

    @Test
    void losingTheListenerEmptiesTheCacheAndBypassesItUntilItListensAgain() {
        TenantKeyCache cache = listeningCache();
        cache.lookup(keyHash, database(Optional.of(TENANT)));

        cache.listening(false);
        assertThat(cache.holds(keyHash)).isFalse();
        cache.lookup(keyHash, database(Optional.of(TENANT)));
        cache.lookup(keyHash, database(Optional.of(TENANT)));
        assertThat(queries).hasValue(3);

        cache.listening(true);
        cache.lookup(keyHash, database(Optional.of(TENANT)));
        cache.lookup(keyHash, database(Optional.of(TENANT)));
        assertThat(queries).hasValue(4);
    }

    @Test
    void anAnswerReadWhileTheListenerWasLostIsNotKept() {
        TenantKeyCache cache = listeningCache();

        cache.lookup(keyHash, hash -> {
            cache.listening(false);
            cache.listening(true);
            return Optional.of(TENANT);
        });

        assertThat(cache.holds(keyHash)).isFalse();
    }

    @Test
    void switchedOffItNeverKeepsAnything() {
        TenantKeyCache cache = new TenantKeyCache(false, TTL);
        cache.listening(true);

        cache.lookup(keyHash, database(Optional.of(TENANT)));
        cache.lookup(keyHash, database(Optional.of(TENANT)));

        assertThat(queries).hasValue(2);
        assertThat(cache.holds(keyHash)).isFalse();
    }

    @Test
    void switchedOffItsListenerTakesNoConnection() {
        // No data source at all: starting must not reach for one.
        ApiKeyChangeListener listener = new ApiKeyChangeListener(null, new TenantKeyCache(false, TTL));

        listener.start();

        assertThat(listener.isRunning()).isFalse();
        assertThat(listener.isListening()).isFalse();
        listener.stop();
    }

    private static TenantKeyCache listeningCache() {
        TenantKeyCache cache = new TenantKeyCache(true, TTL);
        cache.listening(true);
        return cache;
    }

    private Function<byte[], Optional<TenantKey>> database(Optional<TenantKey> answer) {
        return hash -> {
            assertThat(hash).isEqualTo(keyHash);
            queries.incrementAndGet();
            return answer;
        };
    }
}
