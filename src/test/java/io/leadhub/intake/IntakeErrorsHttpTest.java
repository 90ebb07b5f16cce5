package io.leadhub.intake;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every bad-input row of the intake contract: the status, the exact JSON error, and that nothing was written.
 */
class IntakeErrorsHttpTest extends HubIntegrationTest {

    private static final String VALID_LEAD = "{\"contact_id\":\"%s\",\"first_name\":\"Ann\",\"email\":\"ann@example.com\"}";

    @Test
    void missingKeyIs401() {
        Response response = http.post("/hooks/ghl").json(VALID_LEAD.formatted(externalId())).send();

        assertError(response, 401, "API key required");
    }

    @Test
    void unknownKeyIs403() {
        Response response = http.post("/hooks/ghl").apiKey("il_live_doesnotexist").json(VALID_LEAD.formatted(externalId())).send();

        assertError(response, 403, "Invalid API key");
    }

    @Test
    void bearerTokenIsAcceptedLikeXApiKey() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").header("Authorization", "Bearer " + tenant.apiKey())
                .json(VALID_LEAD.formatted(externalId())).send();

        assertThat(response.status()).isEqualTo(201);
    }

    @Test
    void revokedKeyIs403() {
        TestTenant tenant = tenants.create();
        jdbc.update("UPDATE api_keys SET revoked_at = now() WHERE tenant_id = ?", tenant.id());

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(VALID_LEAD.formatted(externalId())).send();

        assertError(response, 403, "Invalid API key");
    }

    @Test
    void malformedJsonIs400AndWritesNothing() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("{\"first_name\": \"Ann\",").send();

        assertError(response, 400, "Invalid JSON body");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void jsonThatIsNotAnObjectIs400() {
        TestTenant tenant = tenants.create();

        assertError(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("[1,2]").send(), 400, "Invalid JSON body");
        assertError(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json("").send(), 400, "Invalid JSON body");
    }

    @Test
    void unsupportedContentTypeIs415() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).body("text/xml", "<lead/>").send();

        assertError(response, 415, "Unsupported content type");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        TestTenant tenant = tenants.create();
        String big = "{\"first_name\":\"" + "a".repeat(1024 * 1024) + "\"}";

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(big).send();

        assertError(response, 413, "Payload too large");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        TestTenant tenant = tenants.create();
        String big = "{\"first_name\":\"" + "a".repeat(3 * 1024 * 1024) + "\"}";

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(big).chunked().send();

        assertError(response, 413, "Payload too large");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void chunkedBodyUnderTheLimitIsAccepted() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"chunked-1\",\"first_name\":\"Ana\",\"email\":\"ana@example.com\"}")
                .chunked().send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(leadCount(tenant)).isEqualTo(1);
    }

    @Test
    void unknownSourceIs404() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/nosuchsource").apiKey(tenant.apiKey()).json("{}").send();

        assertError(response, 404, "Unknown source");
    }

    @Test
    void configuredSourceWithTheWrongMethodIs405() {
        TestTenant tenant = tenants.create();

        assertError(http.get("/hooks/ghl").apiKey(tenant.apiKey()).send(), 405, "Method not allowed");
        assertError(http.put("/hooks/zapier").apiKey(tenant.apiKey()).json("{}").send(), 405, "Method not allowed");
    }

    @Test
    void leadWithoutNameEmailOrPhoneIs422NamingWhatIsMissing() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"x1\",\"city\":\"Austin\"}").send();

        assertError(response, 422, "Lead needs a name, email or phone");
        assertThat(response.json().get("missing")).hasToString("[\"name\",\"email\",\"phone\"]");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void malformedFormBodyIs400() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/zapier").apiKey(tenant.apiKey()).form("first_name=Ann&bad=%zz").send();

        assertError(response, 400, "Invalid form body");
    }

    @Test
    void credentialAndOtherInboundHeadersAreNeverEchoed() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).header("X-Trace-Me", "secret-value")
                .json(VALID_LEAD.formatted(externalId())).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.raw().headers().map().keySet())
                .noneMatch(name -> name.equalsIgnoreCase("X-API-Key") || name.equalsIgnoreCase("X-Trace-Me"));
        assertThat(response.raw().headers().map().values().toString()).doesNotContain(tenant.apiKey());
    }


    private int leadCount(TestTenant tenant) {
        return jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id());
    }

    private static String externalId() {
        return "c-" + UUID.randomUUID();
    }
}
