package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.leadhub.support.HubHttp;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.SecondHub;
import io.leadhub.support.TestTenants.TestTenant;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A hub instance shut down (as on SIGTERM: the same context close) while leads are pouring in. Whatever it
 * answered with a 2xx is stored. Requests it no longer takes are told so, with a 503 to retry
 * ({@code ReadinessGate}) or a failed connection, and are not stored; no other error comes back on its way
 * down. GoHighLevel never resends, so an acknowledged lead that a restart lost would be lost for good.
 */
class HubShutdownUnderLoadHttpTest extends HubIntegrationTest {

    private static final int SENDERS = 12;
    private static final String CONNECTION_FAILED = "connection failed";
    private static final String TOLD_TO_RETRY = "503 retry";

    @Autowired
    HikariDataSource dataSource;

    @Test
    void everyAcknowledgedLeadIsStoredAndNoneIsAnsweredWithAServerError() throws Exception {
        TestTenant tenant = tenants.create();
        SecondHub instance = SecondHub.start(dataSource);
        HubHttp http = instance.http();
        Map<String, String> outcomes = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> running = IntStream.range(0, SENDERS)
                    .<Future<?>>mapToObj(i -> senders.submit(() -> {
                        while (sending.get()) {
                            String contactId = "down-" + UUID.randomUUID();
                            String outcome = send(http, tenant, contactId);
                            outcomes.put(contactId, outcome);
                            if (outcome.startsWith("2")) {
                                acknowledged.incrementAndGet();
                            }
                        }
                    }))
                    .toList();
            waitUntil(() -> acknowledged.get() >= 200);

            instance.close();
            sending.set(false);
            for (Future<?> sender : running) {
                sender.get(30, TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }

        Set<String> stored = new HashSet<>(jdbc.queryForList(
                "SELECT external_id FROM leads WHERE tenant_id = ?", String.class, tenant.id()));
        Set<String> answered2xx = new HashSet<>();
        outcomes.forEach((contactId, outcome) -> {
            if (outcome.startsWith("2")) {
                answered2xx.add(contactId);
            }
        });
        assertThat(answered2xx).hasSizeGreaterThanOrEqualTo(200);
        assertThat(stored).containsAll(answered2xx);
        assertThat(outcomes.values()).allMatch(outcome -> outcome.startsWith("2") || outcome.equals(TOLD_TO_RETRY)
                || outcome.equals(CONNECTION_FAILED), "every request was answered 2xx, told to retry, or failed at the connection");
        Set<String> refused = new HashSet<>(outcomes.keySet());
        refused.removeAll(answered2xx);
        assertThat(stored).doesNotContainAnyElementsOf(refused.stream()
                .filter(contactId -> outcomes.get(contactId).equals(TOLD_TO_RETRY)).toList());
    }

    private static String send(HubHttp http, TestTenant tenant, String contactId) {
        try {
            Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                    .json("{\"contact_id\":\"" + contactId + "\",\"first_name\":\"Dee\",\"email\":\"dee@example.com\"}")
                    .send();
            boolean toldToRetry = response.status() == 503 && "1".equals(response.header("Retry-After"))
                    && response.text().contains("Service temporarily unavailable");
            return toldToRetry ? TOLD_TO_RETRY : response.status() + (response.status() < 300 ? "" : " " + response.text());
        } catch (UncheckedIOException refusedOrClosed) {
            return CONNECTION_FAILED;
        }
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the load never got going");
            }
            Thread.sleep(10);
        }
    }
}
