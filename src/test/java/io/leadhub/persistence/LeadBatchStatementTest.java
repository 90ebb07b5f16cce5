package io.leadhub.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.canonical.CanonicalLead;
import io.leadhub.canonical.Contact;
import io.leadhub.canonical.Workflow;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** save-leads.sql against real PostgreSQL: many leads in one statement, each answered as if it were alone. */
class LeadBatchStatementTest extends HubIntegrationTest {

    @Autowired
    LeadBatchStatement statement;
    @Autowired
    NamedParameterJdbcTemplate namedJdbc;
    @Autowired
    ObjectMapper mapper;

    static CanonicalLead lead(String externalId, String firstName) {
        return new CanonicalLead(null, null, null, externalId,
                new Contact(firstName, null, firstName, firstName.toLowerCase() + "@example.com", null, null, null),
                null, null, null, null, null, null, Map.of("n", firstName), null, null);
    }

    static String raw(String firstName) {
        return "{\"first_name\":\"" + firstName + "\"}";
    }

    private static LeadWrite write(TestTenant tenant, CanonicalLead lead, String rawFirstName, Instant receivedAt) {
        return LeadWrite.of(tenant.id(), "ghl", lead, raw(rawFirstName), receivedAt);
    }

    @Test
    void aBatchOfNewLeadsCreatesEachWithItsEventAndAnswersInOrder() {
        TestTenant tenant = tenants.create();
        List<LeadWrite> writes = List.of(
                LeadWrite.of(tenant.id(), "ghl", lead("b-1", "Ann"), raw("Ann"), Instant.now()),
                LeadWrite.of(tenant.id(), "ghl", lead(null, "Bob"), raw("Bob"), Instant.now()),
                LeadWrite.of(tenant.id(), "zapier", lead("b-1", "Cid"), raw("Cid"), Instant.now()));

        List<SavedLead> saved = statement.execute(writes);

        assertThat(saved).hasSize(3).allMatch(SavedLead::created);
        for (int i = 0; i < writes.size(); i++) {
            LeadWrite write = writes.get(i);
            assertThat(saved.get(i).id()).isEqualTo(write.id());
            Map<String, Object> row = jdbc.queryForMap(
                    "SELECT source, external_id, first_name, raw->>'first_name' AS raw_name FROM leads WHERE id = ?",
                    saved.get(i).id());
            assertThat(row).containsEntry("source", write.source())
                    .containsEntry("external_id", write.lead().externalId())
                    .containsEntry("first_name", write.lead().contact().firstName())
                    .containsEntry("raw_name", write.lead().contact().firstName());
            assertThat(jdbc.queryForList("SELECT type FROM lead_events WHERE lead_id = ?", String.class,
                    saved.get(i).id())).containsExactly("lead.created");
        }
    }

    @Test
    void leadIdsAreTimeOrderedSoNewLeadsSortAfterOlderOnesInTheDatabase() throws Exception {
        TestTenant tenant = tenants.create();
        List<UUID> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            created.add(statement.execute(List.of(write(tenant, lead("o-" + i, "Ann"), "Ann", Instant.now())))
                    .get(0).id());
            Thread.sleep(2); // ids of one millisecond share their time and are ordered by chance only
        }

        assertThat(created).allSatisfy(id -> assertThat(id.version()).isEqualTo(7));
        assertThat(jdbc.queryForList("SELECT id FROM leads WHERE tenant_id = ? ORDER BY id", UUID.class, tenant.id()))
                .containsExactlyElementsOf(created);
    }

    @Test
    void aRepeatMergesCustomAtEveryDepthAndAddsOnlyTheNotesTheLeadLacks() throws Exception {
        TestTenant tenant = tenants.create();
        Instant first = Instant.now();
        statement.execute(List.of(write(tenant, withNotesAndCustom("m-1", List.of("Call after 5pm"),
                Map.of("customData", Map.of("Bill", "RM300", "Roof", "tile"), "location", Map.of("id", "L1", "name", "Shop"),
                        "score", List.of(1, 2))), "Ann", first)));

        statement.execute(List.of(write(tenant, withNotesAndCustom("m-1", List.of("Call after 5pm", "Has a dog"),
                Map.of("customData", Map.of("Src", "G", "Roof", "metal"), "location", Map.of("id", "L1"),
                        "score", List.of(3))), "Ann", first.plusSeconds(1))));

        Map<String, Object> row = jdbc.queryForMap("SELECT custom::text AS custom, notes::text AS notes FROM leads "
                + "WHERE tenant_id = ? AND external_id = 'm-1'", tenant.id());
        assertThat(mapper.readTree((String) row.get("custom"))).isEqualTo(mapper.readTree("""
                {"customData": {"Bill": "RM300", "Roof": "metal", "Src": "G"},
                 "location": {"id": "L1", "name": "Shop"}, "score": [3]}"""));
        assertThat(mapper.readTree((String) row.get("notes"))).isEqualTo(mapper.readTree("""
                [{"text": "Call after 5pm"}, {"text": "Has a dog"}]"""));
    }

    private static CanonicalLead withNotesAndCustom(String externalId, List<String> notes, Map<String, Object> custom) {
        CanonicalLead base = lead(externalId, "Ann");
        Workflow workflow = new Workflow(null, null, null, null,
                notes.stream().map(text -> new Workflow.Note(text, null)).toList(), null, null);
        return new CanonicalLead(null, null, null, externalId, base.contact(), null, null, null, null, null,
                workflow, custom, null, null);
    }

    @Test
    void anUpdateInABatchKeepsTheStoredIdAndIsReportedAsNotCreated() {
        TestTenant tenant = tenants.create();
        SavedLead first = statement.execute(
                List.of(LeadWrite.of(tenant.id(), "ghl", lead("u-1", "Ann"), raw("Ann"), Instant.now()))).get(0);

        List<SavedLead> saved = statement.execute(List.of(
                LeadWrite.of(tenant.id(), "ghl", lead("u-2", "Bea"), raw("Bea"), Instant.now()),
                LeadWrite.of(tenant.id(), "ghl", lead("u-1", "Anna"), raw("Anna"), Instant.now())));

        assertThat(saved.get(0).created()).isTrue();
        assertThat(saved.get(1).created()).isFalse();
        assertThat(saved.get(1).id()).isEqualTo(first.id());
        assertThat(jdbc.queryForObject("SELECT first_name FROM leads WHERE id = ?", String.class, first.id()))
                .isEqualTo("Anna");
        assertThat(jdbc.queryForList("SELECT type FROM lead_events WHERE lead_id = ? ORDER BY id", String.class,
                first.id())).containsExactly("lead.created", "lead.updated");
    }

    @Test
    void anOlderDeliveryWrittenAfterANewerOneOnlyFillsWhatTheLeadLacks() {
        TestTenant tenant = tenants.create();
        Instant sent = Instant.parse("2026-03-01T10:00:00Z");
        SavedLead created = statement.execute(List.of(write(tenant, lead("o-1", "Ann"), "Ann", sent))).get(0);
        statement.execute(List.of(write(tenant, lead("o-1", "Anna"), "Anna", sent.plusSeconds(20))));
        // Sent between the two, stored after both: a parked delivery replayed late, say.
        CanonicalLead older = new CanonicalLead(null, null, null, "o-1",
                new Contact("Annie", "Lee", "Annie Lee", "annie@example.com", "+15125550100", null, null),
                null, null, null, null, null, null, Map.of("n", "Annie", "late", "yes"), null, null);

        SavedLead late = statement.execute(List.of(write(tenant, older, "Annie", sent.plusSeconds(10)))).get(0);

        assertThat(late.created()).isFalse();
        assertThat(jdbc.queryForMap("""
                SELECT first_name, last_name, full_name, email, phone, custom->>'n' AS n, custom->>'late' AS late,
                       raw->>'first_name' AS raw_name
                  FROM leads WHERE id = ?""", created.id()))
                .containsEntry("first_name", "Anna").containsEntry("email", "anna@example.com")
                .containsEntry("n", "Anna").containsEntry("raw_name", "Anna")
                .containsEntry("last_name", "Lee").containsEntry("phone", "+15125550100")
                .containsEntry("late", "yes")
                // The newer full name was derived from its parts, so it takes the filled-in last name.
                .containsEntry("full_name", "Anna Lee");
        // Each delivery's own raw copy stays in its event, the late one's too.
        assertThat(jdbc.queryForList("SELECT payload->>'first_name' FROM lead_events WHERE lead_id = ? "
                + "ORDER BY id", String.class, created.id())).containsExactly("Ann", "Anna", "Annie");
    }

    @Test
    void twoWritesOfOneLeadAreRefusedBeforeAnythingIsWritten() {
        TestTenant tenant = tenants.create();
        List<LeadWrite> writes = List.of(
                LeadWrite.of(tenant.id(), "ghl", lead("d-1", "Ann"), raw("Ann"), Instant.now()),
                LeadWrite.of(tenant.id(), "ghl", lead("d-1", "Ann"), raw("Ann"), Instant.now()));

        assertThatThrownBy(() -> statement.execute(writes)).isInstanceOf(IllegalArgumentException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class,
                tenant.id())).isZero();
    }

    @Test
    void oneUnstorableLeadFailsTheWholeStatementAndNothingIsWritten() {
        TestTenant tenant = tenants.create();
        UUID tenantId = tenant.id();
        List<LeadWrite> writes = List.of(
                LeadWrite.of(tenantId, "ghl", lead("x-1", "Ann"), raw("Ann"), Instant.now()),
                // PostgreSQL refuses the NUL escape in jsonb.
                LeadWrite.of(tenantId, "ghl", lead("x-2", "Bob"), "{\"first_name\":\"B\\u0000b\"}", Instant.now()));

        assertThatThrownBy(() -> statement.execute(writes)).isInstanceOf(RuntimeException.class)
                .as("the 5 KB statement is not repeated in every logged failure")
                .message().doesNotContain("INSERT INTO").contains("unsupported Unicode escape sequence");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenantId))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_events WHERE tenant_id = ?", Integer.class,
                tenantId)).isZero();
    }

    @Test
    void aStatementThatOutlivesTheWriteTimeoutIsCancelledAsATransientFailureAndWritesNothing() {
        TestTenant tenant = tenants.create();
        // Only rows of this test's source are slowed, so nothing else writing leads meanwhile is affected.
        jdbc.execute("""
                CREATE FUNCTION test_slow_lead_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.source = 'slow-test' THEN PERFORM pg_sleep(30); END IF;
                    RETURN NEW;
                END $$""");
        jdbc.execute("""
                CREATE TRIGGER test_slow_lead_insert BEFORE INSERT ON leads
                FOR EACH ROW EXECUTE FUNCTION test_slow_lead_insert()""");
        try {
            LeadBatchStatement bounded = new LeadBatchStatement(namedJdbc, mapper, Duration.ofSeconds(1));
            List<LeadWrite> writes = List.of(
                    LeadWrite.of(tenant.id(), "slow-test", lead("slow-1", "Ann"), raw("Ann"), Instant.now()));

            assertThatThrownBy(() -> bounded.execute(writes))
                    .satisfies(e -> assertThat(TransientDatabaseFailures.isTransient(e)).isTrue())
                    .message().doesNotContain("INSERT INTO");
        } finally {
            jdbc.execute("DROP TRIGGER test_slow_lead_insert ON leads");
            jdbc.execute("DROP FUNCTION test_slow_lead_insert()");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class,
                tenant.id())).isZero();
    }
}
