package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.leadhub.persistence.IntakeInbox;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * GoHighLevel sends a workflow webhook once: a valid lead must survive a database that keeps failing while
 * it arrives, and a lead that cannot be stored must not hold up the others. These tests make the hub's lead
 * transaction fail for real (a lock held from another connection) instead of stubbing the store.
 */
class DurableAcceptanceHttpTest extends HubIntegrationTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    IntakeInbox inbox;
    @Autowired
    IntakeInboxReplayer replayer;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void validLeadIsParkedWhileTheDatabaseFailsAndStoredOnceItRecovers() throws Exception {
        TestTenant tenant = tenants.create();
        String contactId = "ghl-" + UUID.randomUUID();
        Response response;
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE leads IN SHARE ROW EXCLUSIVE MODE");

            response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                    .json("{\"contact_id\":\"" + contactId + "\",\"first_name\":\"Dana\",\"email\":\"dana@example.com\"}")
                    .send();

            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            assertThat(response.json().get("success").asBoolean()).isTrue();
            assertThat(response.json().get("queued").asBoolean()).isTrue();
            assertThat(leadCount(tenant)).isZero();
            blocker.rollback();
        }
        UUID queueId = UUID.fromString(response.json().get("queueId").asText());

        await().atMost(Duration.ofSeconds(15)).until(() -> leadCount(tenant) == 1);

        Map<String, Object> lead = jdbc.queryForMap(
                "SELECT id, external_id, first_name, email FROM leads WHERE tenant_id = ?", tenant.id());
        assertThat(lead).containsEntry("external_id", contactId).containsEntry("first_name", "Dana")
                .containsEntry("email", "dana@example.com");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_events WHERE lead_id = ? AND type = 'lead.created'",
                Integer.class, lead.get("id"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT lead_id FROM intake_inbox WHERE id = ? AND processed_at IS NOT NULL",
                UUID.class, queueId)).isEqualTo(lead.get("id"));
    }

    @Test
    void newLeadsArrivingWhileAnotherLeadsRowIsHeldAreStoredNotParked() throws Exception {
        TestTenant tenant = tenants.create();
        String x = "held-x-" + UUID.randomUUID();
        String y = "held-y-" + UUID.randomUUID();
        assertThat(postGhl(tenant, x, "Xena").status()).isEqualTo(201);
        assertThat(postGhl(tenant, y, "Yuri").status()).isEqualTo(201);
        ExecutorService senders = Executors.newFixedThreadPool(10);
        try {
            Future<Response> updateX;
            Future<Response> updateY;
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                int holderPid = holdRows(holder, tenant, x, y);

                // Y's update takes the lead writer, which waits for the held row; X's update and brand-new leads
                // arrive meanwhile, so they queue for the same next batch.
                updateY = senders.submit(() -> postGhl(tenant, y, "Yuriy"));
                await().atMost(Duration.ofSeconds(10)).until(() -> waitingBehind(holderPid) > 0);
                updateX = senders.submit(() -> postGhl(tenant, x, "Xenia"));
                List<Future<Response>> newLeads = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    newLeads.add(senders.submit(() -> postGhl(tenant, "new-" + UUID.randomUUID(), "Nia")));
                }

                for (Future<Response> newLead : newLeads) {
                    Response response = newLead.get(30, TimeUnit.SECONDS);
                    assertThat(response.status()).as("a new lead, while another lead's row is held: " + response)
                            .isEqualTo(201);
                }
                holder.rollback();
            }
            // The held leads' updates are not lost either: stored once the row is free, live or replayed.
            assertThat(updateX.get(30, TimeUnit.SECONDS).status()).isIn(200, 202);
            assertThat(updateY.get(30, TimeUnit.SECONDS).status()).isIn(200, 202);
            await().atMost(Duration.ofSeconds(15)).until(() -> "Xenia".equals(firstName(tenant, x))
                    && "Yuriy".equals(firstName(tenant, y)));
            assertThat(leadCount(tenant)).isEqualTo(10);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void aParkedUpdateReplayedAfterANewerOneOnlyFillsWhatTheLeadLacks() throws Exception {
        TestTenant tenant = tenants.create();
        String contactId = "late-" + UUID.randomUUID();
        assertThat(postGhl(tenant, contactId, "Vera").status()).isEqualTo(201);
        UUID queueId;
        try (Connection leadHolder = dataSource.getConnection();
                Connection inboxHolder = dataSource.getConnection()) {
            leadHolder.setAutoCommit(false);
            holdRows(leadHolder, tenant, contactId);
            Response parked = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("{\"contact_id\":\"" + contactId
                    + "\",\"first_name\":\"Vee\",\"last_name\":\"Lane\",\"city\":\"Austin\"}").send();
            assertThat(parked.status()).as(parked.toString()).isEqualTo(202);
            queueId = UUID.fromString(parked.json().get("queueId").asText());

            // The replay job skips a parked row another transaction holds: it stays parked until the newer
            // delivery, sent once the lead's row is free again, has been stored.
            inboxHolder.setAutoCommit(false);
            try (PreparedStatement hold = inboxHolder.prepareStatement(
                    "SELECT id FROM intake_inbox WHERE id = ? FOR UPDATE")) {
                inboxHolder.createStatement().execute("SET LOCAL lock_timeout = '10s'");
                hold.setObject(1, queueId);
                hold.executeQuery().close();
            }
            leadHolder.rollback();
            Response newer = postGhl(tenant, contactId, "Veronica");
            assertThat(newer.status()).as(newer.toString()).isEqualTo(200);
            inboxHolder.rollback();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT processed_at IS NOT NULL FROM intake_inbox WHERE id = ?", Boolean.class, queueId));

        assertThat(jdbc.queryForMap("""
                SELECT first_name, last_name, city, email, raw->>'first_name' AS raw_name
                  FROM leads WHERE tenant_id = ? AND external_id = ?""", tenant.id(), contactId))
                .as("the newer delivery's values stay; the older one only fills what the lead lacked")
                .containsEntry("first_name", "Veronica").containsEntry("raw_name", "Veronica")
                .containsEntry("email", contactId + "@example.com")
                .containsEntry("last_name", "Lane").containsEntry("city", "Austin");
        assertThat(eventFirstNames(tenant, contactId)).containsExactly("Vera", "Veronica", "Vee");
    }

    @Test
    void parkedDeliveriesOfOneLeadAreReplayedOldestFirstAndTheNewestWins() {
        TestTenant tenant = tenants.create();
        String contactId = "order-" + UUID.randomUUID();
        Instant firstSent = Instant.now().minusSeconds(60);
        // Parked in one transaction, the newest first: all become due together, so only their arrival orders them.
        transaction.executeWithoutResult(status -> {
            park(tenant, contactId, "Third", firstSent.plusSeconds(2));
            park(tenant, contactId, "Second", firstSent.plusSeconds(1));
            park(tenant, contactId, "First", firstSent);
        });

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM intake_inbox WHERE tenant_id = ? AND processed_at IS NOT NULL", Integer.class,
                tenant.id()) == 3);

        assertThat(firstName(tenant, contactId)).isEqualTo("Third");
        assertThat(eventFirstNames(tenant, contactId)).containsExactly("First", "Second", "Third");
    }

    @Test
    void concurrentReplayersStoreEachParkedLeadExactlyOnce() throws Exception {
        TestTenant tenant = tenants.create();
        int parked = 40;
        for (int i = 0; i < parked; i++) {
            inbox.park(tenant.id(), "ghl", "ghl",
                    "{\"contact_id\":\"race-" + i + "\",\"first_name\":\"Lee\",\"email\":\"lee" + i + "@example.com\"}",
                    Instant.now());
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Callable<Integer> replay = replayer::replayDue;
                runs.add(pool.submit(replay));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        await().atMost(Duration.ofSeconds(15)).until(() -> leadCount(tenant) == parked);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_events WHERE tenant_id = ?", Integer.class, tenant.id()))
                .as("one created event per parked lead, none twice").isEqualTo(parked);
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM intake_inbox WHERE tenant_id = ? AND processed_at IS NOT NULL AND attempts = 1",
                Integer.class, tenant.id())).isEqualTo(parked);
    }

    @Test
    void aReplayThatMeetsAHeldRowRecordsPostgresqlsReasonNotTheStatement() throws Exception {
        TestTenant tenant = tenants.create();
        assertThat(postGhl(tenant, "held-r", "Lee").status()).isEqualTo(201);
        UUID id = inbox.park(tenant.id(), "ghl", "ghl", "{\"contact_id\":\"held-r\",\"first_name\":\"Leo\"}",
                Instant.now());
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            holdRows(holder, tenant, "held-r");
            replayer.replayDue();
            await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                    "SELECT last_error IS NOT NULL FROM intake_inbox WHERE id = ?", Boolean.class, id));
            holder.rollback();
        }

        String error = jdbc.queryForObject("SELECT last_error FROM intake_inbox WHERE id = ?", String.class, id);
        assertThat(error).startsWith("55P03 ").contains("lock").doesNotContain("INSERT INTO");
        await().atMost(Duration.ofSeconds(15)).until(() -> "Leo".equals(firstName(tenant, "held-r")));
    }

    @Test
    void parkedLeadThatNoLongerValidatesIsGivenUpOnNotRetriedForever() {
        TestTenant tenant = tenants.create();
        UUID id = inbox.park(tenant.id(), "ghl", "ghl", "{\"contact_id\":\"nobody\",\"city\":\"Austin\"}",
                Instant.now());

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT failed_at IS NOT NULL FROM intake_inbox WHERE id = ?", Boolean.class, id));

        assertThat(jdbc.queryForObject("SELECT attempts FROM intake_inbox WHERE id = ?", Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_error FROM intake_inbox WHERE id = ?", String.class, id))
                .contains("name, email or phone");
        assertThat(leadCount(tenant)).isZero();
    }

    private void park(TestTenant tenant, String contactId, String firstName, Instant receivedAt) {
        inbox.park(tenant.id(), "ghl", "ghl", "{\"contact_id\":\"" + contactId + "\",\"first_name\":\"" + firstName
                + "\"}", receivedAt);
    }

    /** The first name each delivery of the lead sent, as its event keeps it, in the order the events were written. */
    private List<String> eventFirstNames(TestTenant tenant, String contactId) {
        return jdbc.queryForList("""
                SELECT e.payload->>'first_name'
                  FROM lead_events e JOIN leads l ON l.id = e.lead_id
                 WHERE l.tenant_id = ? AND l.external_id = ?
                 ORDER BY e.id""", String.class, tenant.id(), contactId);
    }

    private Response postGhl(TestTenant tenant, String contactId, String firstName) {
        return http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("{\"contact_id\":\"" + contactId
                + "\",\"first_name\":\"" + firstName + "\",\"email\":\"" + contactId + "@example.com\"}").send();
    }

    /** Locks the leads' rows in the holder's transaction, as psql's SELECT … FOR UPDATE would; returns its pid. */
    private static int holdRows(Connection holder, TestTenant tenant, String... contactIds) throws SQLException {
        try (PreparedStatement lock = holder.prepareStatement(
                "SELECT id FROM leads WHERE tenant_id = ? AND external_id = ANY (?) FOR UPDATE")) {
            lock.setObject(1, tenant.id());
            lock.setArray(2, holder.createArrayOf("text", contactIds));
            lock.executeQuery().close();
        }
        try (ResultSet pid = holder.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    /** How many sessions are waiting for a lock the given session holds. */
    private int waitingBehind(int pid) {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))",
                Integer.class, pid);
    }

    private String firstName(TestTenant tenant, String contactId) {
        return jdbc.queryForObject("SELECT first_name FROM leads WHERE tenant_id = ? AND external_id = ?",
                String.class, tenant.id(), contactId);
    }

    private int leadCount(TestTenant tenant) {
        return jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id());
    }
}
