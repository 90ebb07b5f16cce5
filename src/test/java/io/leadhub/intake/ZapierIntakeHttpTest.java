package io.leadhub.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.support.Fixtures;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /hooks/zapier with Webhooks by Zapier's payload types: json, form, and json with flattened keys. */
class ZapierIntakeHttpTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void jsonPayloadCreatesLeadAndKeepsNumbersInCustom() throws Exception {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey()).json(Fixtures.read("zapier-json.json")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = lead(response);
        assertThat(lead).containsEntry("source", "zapier").containsEntry("first_name", "Alex")
                .containsEntry("last_name", "Riley").containsEntry("full_name", "Alex Riley")
                .containsEntry("external_id", null);
        assertThat(custom(lead).get("age").isNumber()).isTrue();
        assertThat(custom(lead).get("age").asInt()).isEqualTo(27);
    }

    @Test
    void formPayloadCreatesTheSameLead() throws Exception {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .form(Fixtures.read("zapier-form.txt").strip()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = lead(response);
        assertThat(lead).containsEntry("first_name", "Alex").containsEntry("last_name", "Riley");
        assertThat(custom(lead).get("age").asText()).isEqualTo("27");
    }

    @Test
    void formValuesAreUrlDecodedAndRepeatedKeysKept() throws Exception {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .form("first_name=Ana+Mar%C3%ADa&email=ana%2Bzap%40example.com&interest=solar&interest=battery").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        Map<String, Object> lead = lead(response);
        assertThat(lead).containsEntry("first_name", "Ana María").containsEntry("email", "ana+zap@example.com");
        assertThat(custom(lead).get("interest")).hasToString("[\"solar\",\"battery\"]");
    }

    @Test
    void formInTheCharsetItDeclaresIsDecodedInIt() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .body("application/x-www-form-urlencoded; charset=ISO-8859-1", "first_name=Jos%E9&email=jose%40example.com")
                .send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(lead(response)).containsEntry("first_name", "Jos\u00e9");
    }

    /** A form is forgiving where JSON is not: a byte that is not UTF-8 becomes U+FFFD, and the lead is kept. */
    @Test
    void formByteThatIsNotUtf8IsReplacedNotRefused() {
        TestTenant tenant = tenants.create();
        byte[] form = "first_name=Jos\u00e9&email=jose%40example.com".getBytes(StandardCharsets.ISO_8859_1);

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .body("application/x-www-form-urlencoded", form).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(lead(response)).containsEntry("first_name", "Jos\ufffd");
    }

    @Test
    void flattenedKeysMapLikeNestedOnes() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey())
                .json(Fixtures.read("zapier-json-flat-keys.json")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(lead(response)).containsEntry("email", "alex@example.com").containsEntry("phone", "+15555550123")
                .containsEntry("utm_source", "facebook").containsEntry("utm_campaign", "spring");
    }

    private Map<String, Object> lead(Response response) {
        return jdbc.queryForMap("SELECT * FROM leads WHERE id = ?", UUID.fromString(response.json().get("leadId").asText()));
    }

    private static JsonNode custom(Map<String, Object> lead) throws Exception {
        return JSON.readTree(lead.get("custom").toString());
    }
}
