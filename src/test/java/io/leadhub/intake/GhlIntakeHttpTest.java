package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.support.Fixtures;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * POST /hooks/ghl with GoHighLevel's real payload shapes: what is answered, what is stored, and the dedup rule
 * (tenant + source + contact id) under repeats, other tenants and concurrent first deliveries.
 */
class GhlIntakeHttpTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void workflowWebhookCreatesACanonicalLeadAndKeepsEveryUnmappedKey() throws Exception {
        TestTenant tenant = tenants.create();
        String payload = Fixtures.read("ghl-workflow-webhook-form.json");

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(payload).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().get("created").asBoolean()).isTrue();
        UUID leadId = UUID.fromString(response.json().get("leadId").asText());
        Map<String, Object> lead = jdbc.queryForMap("SELECT * FROM leads WHERE id = ?", leadId);
        assertThat(lead)
                .containsEntry("tenant_id", tenant.id())
                .containsEntry("source", "ghl")
                .containsEntry("external_id", "Yq3RsT4uVwXz5AbCdEfG")
                .containsEntry("first_name", "Jordan")
                .containsEntry("last_name", "Example")
                .containsEntry("full_name", "Jordan Example")
                .containsEntry("email", "jordan@example.com")
                .containsEntry("phone", "+60123456789")
                .containsEntry("country", "MY")
                .containsEntry("utm_source", "google")
                .containsEntry("utm_medium", "cpc")
                .containsEntry("utm_campaign", "solar-q2")
                .containsEntry("utm_term", null);
        assertThat(JSON.readTree(lead.get("tags").toString())).hasToString("[\"website lead\",\"solar\"]");
        var custom = JSON.readTree(lead.get("custom").toString());
        assertThat(custom.get("Property Type (Condo/Apartment not suitable)").asText()).isEqualTo("Landed");
        assertThat(custom.get("Industry")).hasToString("[\"Manufacturing\"]");
        assertThat(custom.get("location").get("id").asText()).isEqualTo("Lc1BcDeFgHiJkLmNoPqR");
        assertThat(custom.get("customData").get("Monthly TNB Bill").asText()).isEqualTo("RM300-RM500");
        assertThat(JSON.readTree(lead.get("raw").toString())).isEqualTo(JSON.readTree(payload));
        assertThat(eventTypes(leadId)).containsExactly("lead.created");
    }

    @Test
    void marketplaceContactCreateIsNormalized() throws Exception {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json(Fixtures.read("ghl-contact-create.json")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = jdbc.queryForMap("SELECT * FROM leads WHERE id = ?",
                UUID.fromString(response.json().get("leadId").asText()));
        assertThat(lead)
                .containsEntry("external_id", "nmFmQEsNgz6AVpgLVUJ0")
                .containsEntry("email", "johndeo@gmail.comm")
                .containsEntry("phone", "+919509597501")
                .containsEntry("postal_code", "452001")
                .containsEntry("date_of_birth", java.sql.Date.valueOf("2000-01-05"));
        assertThat(JSON.readTree(lead.get("tags").toString()))
                .hasToString("[\"id magna sed Lorem\",\"Duis dolor commodo aliqua\"]");
    }

    @Test
    void sameContactAgainUpdatesTheLeadAndAnswers200() {
        TestTenant tenant = tenants.create();
        String first = "{\"contact_id\":\"c-1\",\"first_name\":\"Ann\",\"email\":\"ann@example.com\",\"city\":\"Austin\"}";
        String second = "{\"contact_id\":\"c-1\",\"first_name\":\"Ann\",\"email\":\"ANN.NEW@example.com \"}";

        Response created = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(first).send();
        Response updated = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(second).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().get("created").asBoolean()).isFalse();
        assertThat(updated.json().get("leadId")).isEqualTo(created.json().get("leadId"));
        UUID leadId = UUID.fromString(created.json().get("leadId").asText());
        Map<String, Object> lead = jdbc.queryForMap("SELECT email, city FROM leads WHERE id = ?", leadId);
        assertThat(lead).containsEntry("email", "ann.new@example.com").containsEntry("city", "Austin");
        assertThat(eventTypes(leadId)).containsExactly("lead.created", "lead.updated");
        // Each event keeps its delivery as sent; the lead's raw copy is the newest one's.
        assertThat(jdbc.queryForList("SELECT payload::text FROM lead_events WHERE lead_id = ? ORDER BY id",
                String.class, leadId).stream().map(GhlIntakeHttpTest::json).toList())
                .containsExactly(json(first), json(second));
        assertThat(json(jdbc.queryForObject("SELECT raw::text FROM leads WHERE id = ?", String.class, leadId)))
                .isEqualTo(json(second));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(1);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void anUpdateWithPartOfTheNameKeepsTheFullNameWhole() {
        TestTenant tenant = tenants.create();
        http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"n-2\",\"first_name\":\"Ann\",\"last_name\":\"Lee\"}").send();

        Response updated = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"n-2\",\"first_name\":\"Anne\",\"email\":\"anne@example.com\"}").send();

        assertThat(updated.status()).isEqualTo(200);
        assertThat(jdbc.queryForMap("SELECT first_name, last_name, full_name FROM leads WHERE tenant_id = ?", tenant.id()))
                .containsEntry("first_name", "Anne").containsEntry("last_name", "Lee").containsEntry("full_name", "Anne Lee");
    }

    @Test
    void anExplicitFullNameInAnUpdateWins() {
        TestTenant tenant = tenants.create();
        http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"n-3\",\"first_name\":\"Ann\",\"last_name\":\"Lee\"}").send();

        http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"n-3\",\"full_name\":\"Dr. Ann Lee-Park\",\"first_name\":\"Ann\"}").send();

        assertThat(jdbc.queryForObject("SELECT full_name FROM leads WHERE tenant_id = ?", String.class, tenant.id()))
                .isEqualTo("Dr. Ann Lee-Park");
    }

    @Test
    void sameContactIdUnderAnotherTenantIsAnotherLead() {
        TestTenant one = tenants.create();
        TestTenant two = tenants.create();
        String payload = "{\"contact_id\":\"shared-id\",\"first_name\":\"Bo\"}";

        Response first = http.post("/hooks/ghl").apiKey(one.apiKey()).json(payload).send();
        Response second = http.post("/hooks/ghl").apiKey(two.apiKey()).json(payload).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("leadId")).isNotEqualTo(first.json().get("leadId"));
    }

    @Test
    void concurrentFirstDeliveriesOfOneContactCreateExactlyOneLead() throws Exception {
        TestTenant tenant = tenants.create();
        String payload = "{\"contact_id\":\"race-1\",\"first_name\":\"Cy\",\"phone\":\"(512) 555-0147\"}";
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(payload).send();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : sent) {
                responses.add(future.get());
            }

            assertThat(responses).extracting(Response::status).containsOnly(200, 201);
            assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
            assertThat(responses).extracting(r -> r.json().get("leadId").asText()).containsOnly(
                    responses.get(0).json().get("leadId").asText());
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lead_events WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isEqualTo(racers);
        assertThat(jdbc.queryForObject("SELECT phone FROM leads WHERE tenant_id = ?", String.class, tenant.id()))
                .isEqualTo("+15125550147");
    }

    @Test
    void literalNullFromGhlMeansNoValue() {
        TestTenant tenant = tenants.create();
        String payload = "{\"contact_id\":\"n-1\",\"first_name\":\"Di\",\"email\":\"null\","
                + "\"customData\":{\"UTM Source\":\"null\",\"UTM Medium\":\"email\"}}";

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(payload).send();

        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> lead = jdbc.queryForMap("SELECT email, utm_source, utm_medium FROM leads WHERE tenant_id = ?",
                tenant.id());
        assertThat(lead).containsEntry("email", null).containsEntry("utm_source", null).containsEntry("utm_medium", "email");
    }

    /** The body is read in the charset the request declares, and its raw copy is stored as that text. */
    @Test
    void jsonInTheCharsetItDeclaresIsDecodedInIt() {
        TestTenant tenant = tenants.create();
        byte[] latin1 = "{\"contact_id\":\"l-1\",\"first_name\":\"Jos\u00e9\",\"city\":\"M\u00fcnchen\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .body("application/json; charset=ISO-8859-1", latin1).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = jdbc.queryForMap("SELECT first_name, city, raw->>'city' AS raw_city FROM leads"
                + " WHERE tenant_id = ?", tenant.id());
        assertThat(lead).containsEntry("first_name", "Jos\u00e9").containsEntry("city", "M\u00fcnchen")
                .containsEntry("raw_city", "M\u00fcnchen");
    }

    /** JSON parsers take a UTF-8 byte order mark, and UTF-16 without a declared charset; so does the hub. */
    @Test
    void jsonWithAByteOrderMarkOrInUtf16IsStored() {
        TestTenant tenant = tenants.create();
        String json = "{\"contact_id\":\"%s\",\"first_name\":\"Jos\u00e9\"}";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = json.formatted("bom-1").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(utf8, 0, withBom, bom.length, utf8.length);

        Response first = http.post("/hooks/ghl").apiKey(tenant.apiKey()).body("application/json", withBom).send();
        Response second = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .body("application/json", json.formatted("utf16-1").getBytes(StandardCharsets.UTF_16LE)).send();
        // Java's UTF-16 writes a byte order mark first (FE FF), as some Windows senders do.
        Response third = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .body("application/json", json.formatted("utf16-bom-1").getBytes(StandardCharsets.UTF_16)).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        assertThat(jdbc.queryForList("SELECT raw->>'first_name' FROM leads WHERE tenant_id = ?", String.class,
                tenant.id())).containsExactly("Jos\u00e9", "Jos\u00e9", "Jos\u00e9");
    }

    /**
     * PostgreSQL holds neither U+0000 nor half a surrogate pair. Sent as JSON escapes or as bytes, they are
     * dropped and replaced (U+FFFD), and the lead is kept; a whole pair (an emoji) is kept as it is.
     */
    @Test
    void textTheDatabaseCannotHoldIsCleanedAndTheLeadKept() {
        TestTenant tenant = tenants.create();
        String escaped = "{\"contact_id\":\"esc-1\",\"first_name\":\"An\\u0000n\",\"last_name\":\"Lee\\ud83d\","
                + "\"city\":\"\\ud83d\\ude00 Town\",\"x\\udc00\":\"kept\"}";
        byte[] surrogateBytes = "{\"contact_id\":\"bytes-1\",\"first_name\":\"Bo#\"}".getBytes(StandardCharsets.UTF_8);
        // The three bytes of U+D800 written as if it were a character (CESU-8), where "#" stands.
        byte[] withSurrogate = new byte[surrogateBytes.length + 2];
        int at = new String(surrogateBytes, StandardCharsets.UTF_8).indexOf('#');
        System.arraycopy(surrogateBytes, 0, withSurrogate, 0, at);
        withSurrogate[at] = (byte) 0xED;
        withSurrogate[at + 1] = (byte) 0xA0;
        withSurrogate[at + 2] = (byte) 0x80;
        System.arraycopy(surrogateBytes, at + 1, withSurrogate, at + 3, surrogateBytes.length - at - 1);

        Response first = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(escaped).send();
        Response second = http.post("/hooks/ghl").apiKey(tenant.apiKey()).body("application/json", withSurrogate).send();

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Map<String, Object> lead = jdbc.queryForMap("SELECT first_name, last_name, city, raw->>'first_name' AS raw_first,"
                + " raw->>'city' AS raw_city, custom->>'x\uFFFD' AS custom_x FROM leads WHERE tenant_id = ? AND external_id = 'esc-1'",
                tenant.id());
        assertThat(lead).containsEntry("first_name", "Ann").containsEntry("last_name", "Lee\uFFFD")
                .containsEntry("city", "\uD83D\uDE00 Town").containsEntry("raw_first", "Ann")
                .containsEntry("raw_city", "\uD83D\uDE00 Town").containsEntry("custom_x", "kept");
        assertThat(jdbc.queryForObject("SELECT first_name FROM leads WHERE tenant_id = ? AND external_id = 'bytes-1'",
                String.class, tenant.id())).isEqualTo("Bo\uFFFD");
    }

    /** A date of birth outside years 1 to 9999 is no date: it stays in custom as sent, and the lead is stored. */
    @Test
    void dateOfBirthBeyondYear9999IsKeptInCustom() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"dob-1\",\"email\":\"ann@example.com\",\"date_of_birth\":99999999999999999}")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = jdbc.queryForMap("SELECT date_of_birth, custom->>'date_of_birth' AS sent FROM leads"
                + " WHERE tenant_id = ?", tenant.id());
        assertThat(lead).containsEntry("date_of_birth", null).containsEntry("sent", "99999999999999999");
    }

    private List<String> eventTypes(UUID leadId) {
        return jdbc.queryForList("SELECT type FROM lead_events WHERE lead_id = ? ORDER BY id", String.class, leadId);
    }
}
