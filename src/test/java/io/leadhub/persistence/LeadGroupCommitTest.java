package io.leadhub.persistence;

import static io.leadhub.persistence.LeadBatchStatementTest.lead;
import static io.leadhub.persistence.LeadBatchStatementTest.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.persistence.LeadBatchStatement.LeadRow;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Group commit against real PostgreSQL. A gate in front of the statement holds the single writer on its first
 * batch, so what queues behind it is known exactly and the grouping is asserted, not hoped for.
 */
class LeadGroupCommitTest extends HubIntegrationTest {

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    ObjectMapper mapper;
    @Autowired
    DataSource dataSource;

    GatedStatement statement;
    LeadGroupCommit groupCommit;
    ExecutorService callers;
    TestTenant tenant;

    @BeforeEach
    void startGroupCommit() {
        statement = new GatedStatement(namedJdbc, mapper);
        groupCommit = new LeadGroupCommit(statement, 1, 32);
        groupCommit.start();
        callers = Executors.newFixedThreadPool(12);
        tenant = tenants.create();
    }

    @AfterEach
    void stopGroupCommit() {
        statement.open();
        groupCommit.stop();
        callers.shutdownNow();
    }

    @Test
    void writesQueuedBehindABusyWriterShareOneStatementAndEachGetsItsOwnAnswer() throws Exception {
        statement.close();
        Future<SavedLead> first = save("g-0", "Ann");
        await().until(() -> statement.entered.getCount() == 0);
        List<Future<SavedLead>> queued = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            queued.add(save("g-" + i, "Name" + i));
        }
        await().until(() -> groupCommit.queued() == 5);

        statement.open();

        assertThat(first.get(10, TimeUnit.SECONDS).created()).isTrue();
        for (Future<SavedLead> future : queued) {
            assertThat(future.get(10, TimeUnit.SECONDS).created()).isTrue();
        }
        assertThat(statement.batchSizes).containsExactly(1, 5);
        assertThat(jdbc.queryForList("SELECT external_id FROM leads WHERE tenant_id = ? ORDER BY external_id",
                String.class, tenant.id())).containsExactly("g-0", "g-1", "g-2", "g-3", "g-4", "g-5");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_events WHERE tenant_id = ?", Integer.class,
                tenant.id())).isEqualTo(6);
    }

    @Test
    void twoWritesOfOneLeadInOneBatchGoInOrderInConsecutiveStatements() throws Exception {
        statement.close();
        Future<SavedLead> blocker = save("other", "Zed");
        await().until(() -> statement.entered.getCount() == 0);
        Future<SavedLead> firstDelivery = save("same", "Ann");
        await().until(() -> groupCommit.queued() == 1);
        Future<SavedLead> secondDelivery = save("same", "Anna");
        Future<SavedLead> unrelated = save("new", "Bob");
        await().until(() -> groupCommit.queued() == 3);

        statement.open();

        blocker.get(10, TimeUnit.SECONDS);
        SavedLead created = firstDelivery.get(10, TimeUnit.SECONDS);
        SavedLead updated = secondDelivery.get(10, TimeUnit.SECONDS);
        assertThat(created.created()).isTrue();
        assertThat(updated.created()).isFalse();
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(unrelated.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(statement.batchSizes).containsExactly(1, 2, 1);
        assertThat(jdbc.queryForObject("SELECT first_name FROM leads WHERE id = ?", String.class, created.id()))
                .isEqualTo("Anna");
    }

    @Test
    void aLeadThePostgresRefusesFailsAloneAndTheRestOfItsBatchIsSaved() throws Exception {
        statement.close();
        Future<SavedLead> blocker = save("b-0", "Zed");
        await().until(() -> statement.entered.getCount() == 0);
        Future<SavedLead> good1 = save("b-1", "Ann");
        Future<SavedLead> bad = callers.submit(() -> groupCommit.save(
                LeadWrite.of(tenant.id(), "ghl", lead("b-2", "Bob"), "{\"first_name\":\"B\\u0000b\"}", Instant.now())));
        Future<SavedLead> good2 = save("b-3", "Cid");
        await().until(() -> groupCommit.queued() == 3);

        statement.open();

        blocker.get(10, TimeUnit.SECONDS);
        assertThat(good1.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(good2.get(10, TimeUnit.SECONDS).created()).isTrue();
        assertThat(bad).failsWithin(Duration.ofSeconds(10))
                .withThrowableThat().satisfies(e -> {
                    assertThat(e.getCause()).isInstanceOf(DataAccessException.class);
                    assertThat(TransientDatabaseFailures.isTransient(e.getCause())).isFalse();
                });
        assertThat(jdbc.queryForList("SELECT external_id FROM leads WHERE tenant_id = ? ORDER BY external_id",
                String.class, tenant.id())).containsExactly("b-0", "b-1", "b-3");
    }

    @Test
    void aTransientFailureReachesEveryCallerOfTheBatchAsItself() throws Exception {
        List<Future<SavedLead>> sent = new ArrayList<>();
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE leads IN SHARE ROW EXCLUSIVE MODE");
            for (int i = 0; i < 3; i++) {
                sent.add(save("t-" + i, "Name" + i));
            }
            for (Future<SavedLead> future : sent) {
                assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                        .satisfies(e -> assertThat(TransientDatabaseFailures.isTransient(e.getCause())).isTrue());
            }
            blocker.rollback();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class,
                tenant.id())).isZero();
    }

    @Test
    void aLeadWhoseRowIsHeldFailsAloneAndTheRestOfItsBatchIsSaved() throws Exception {
        insertLead("held", "Hal");
        try (Connection holder = holdRow("held")) {
            statement.close();
            Future<SavedLead> first = save("h-0", "Zed");
            await().until(() -> statement.entered.getCount() == 0);
            Future<SavedLead> before = save("h-1", "Ann");
            Future<SavedLead> held = save("held", "Hale");
            Future<SavedLead> after = save("h-2", "Bob");
            await().until(() -> groupCommit.queued() == 3);

            statement.open();

            assertThat(first.get(10, TimeUnit.SECONDS).created()).isTrue();
            assertThat(before.get(10, TimeUnit.SECONDS).created()).isTrue();
            assertThat(after.get(10, TimeUnit.SECONDS).created()).isTrue();
            assertThat(held).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                    .satisfies(e -> assertThat(lockTimedOut(e)).isTrue());
            holder.rollback();
        }
        assertThat(jdbc.queryForList("SELECT first_name FROM leads WHERE tenant_id = ?", String.class, tenant.id()))
                .containsExactlyInAnyOrder("Zed", "Ann", "Bob", "Hal");
    }

    @Test
    void writesOfAHeldLeadWaitForTheLockOnTheirCallersThreadsNotTheWriters() throws Exception {
        insertLead("held", "Hal");
        List<Future<SavedLead>> updates = new ArrayList<>();
        try (Connection holder = holdRow("held")) {
            statement.close();
            Future<SavedLead> first = save("w-0", "Zed");
            await().until(() -> statement.entered.getCount() == 0);
            for (int i = 1; i <= 3; i++) {
                updates.add(save("held", "Hale" + i));
                int queued = i;
                await().until(() -> groupCommit.queued() == queued);
            }

            statement.open();

            assertThat(first.get(10, TimeUnit.SECONDS).created()).isTrue();
            for (Future<SavedLead> update : updates) {
                assertThat(update).failsWithin(Duration.ofSeconds(10)).withThrowableThat()
                        .satisfies(e -> assertThat(lockTimedOut(e)).isTrue());
            }
            // Once one write timed out, the writer waited for the held row no more: the later writes of that
            // lead, and any write of it until the key is forgotten, wait on their callers' own connections.
            assertThat(statement.writerStatements()).isEqualTo(2);
            assertThatThrownBy(() -> groupCommit.save(
                    LeadWrite.of(tenant.id(), "ghl", lead("held", "Hale4"), raw("Hale4"), Instant.now())))
                    .satisfies(e -> assertThat(lockTimedOut(e)).isTrue());
            assertThat(statement.writerStatements()).isEqualTo(2);
            holder.rollback();
        }
    }

    @Test
    void stoppingFinishesEveryQueuedWriteBeforeTheWritersExit() throws Exception {
        statement.close();
        Future<SavedLead> first = save("s-0", "Ann");
        await().until(() -> statement.entered.getCount() == 0);
        Future<SavedLead> queued = save("s-1", "Bob");
        await().until(() -> groupCommit.queued() == 1);
        Future<?> stopping = callers.submit(() -> groupCommit.stop());

        statement.open();

        stopping.get(10, TimeUnit.SECONDS);
        assertThat(first.get(1, TimeUnit.SECONDS).created()).isTrue();
        assertThat(queued.get(1, TimeUnit.SECONDS).created()).isTrue();
        assertThat(groupCommit.isRunning()).isFalse();
        // Once stopped, a caller writes alone instead of waiting for writers that are gone.
        assertThat(groupCommit.save(
                LeadWrite.of(tenant.id(), "ghl", lead("s-2", "Cid"), raw("Cid"), Instant.now())).created()).isTrue();
    }

    /** PostgreSQL's lock_timeout (55P03) somewhere in the cause chain. */
    static boolean lockTimedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void insertLead(String externalId, String firstName) {
        jdbc.update("INSERT INTO leads (id, tenant_id, source, external_id, first_name, raw) "
                + "VALUES (?, ?, 'ghl', ?, ?, '{}')",
                UUID.randomUUID(), tenant.id(), externalId, firstName);
    }

    /** Another transaction holding the lead's row, as psql's SELECT … FOR UPDATE would; roll it back to release. */
    private Connection holdRow(String externalId) throws SQLException {
        Connection holder = dataSource.getConnection();
        holder.setAutoCommit(false);
        try (PreparedStatement lock = holder.prepareStatement(
                "SELECT id FROM leads WHERE tenant_id = ? AND source = 'ghl' AND external_id = ? FOR UPDATE")) {
            lock.setObject(1, tenant.id());
            lock.setString(2, externalId);
            lock.executeQuery().close();
        }
        return holder;
    }

    private Future<SavedLead> save(String externalId, String firstName) {
        return callers.submit(() -> groupCommit.save(
                LeadWrite.of(tenant.id(), "ghl", lead(externalId, firstName), raw(firstName), Instant.now())));
    }

    /** The real statement behind a gate the test opens, recording how many leads each execution carried. */
    static class GatedStatement extends LeadBatchStatement {

        final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        private volatile CountDownLatch gate = new CountDownLatch(0);

        GatedStatement(NamedParameterJdbcTemplate jdbc, ObjectMapper mapper) {
            super(jdbc, mapper, Duration.ofSeconds(10));
        }

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            gate.countDown();
        }

        /** Statements run by the group commit's writer, not by a caller writing its lead alone. */
        long writerStatements() {
            return threads.stream().filter(name -> name.startsWith("lead-writer-")).count();
        }

        @Override
        public List<SavedLead> executeRows(List<LeadRow> rows) {
            batchSizes.add(rows.size());
            threads.add(Thread.currentThread().getName());
            entered.countDown();
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.executeRows(rows);
        }
    }
}
