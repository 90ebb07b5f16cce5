package io.leadhub.sources;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.leadhub.sources.SourceGuide.CurlPost;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.TestTenants.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worked example of docs/adding-a-source.md works as written: its route and mapping files, taken out of the
 * guide, start in a hub next to the shipped sources, and its curl request is answered and stored as the guide says.
 */
// Its own hub (the guide's files are extra configuration); closed after the class so its PostgreSQL goes too.
@DirtiesContext
class AddingASourceGuideTest extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SourceGuide GUIDE = SourceGuide.read();

    @TempDir
    static Path configuration;

    @DynamicPropertySource
    static void installTheGuidesSource(DynamicPropertyRegistry registry) {
        ExtraSources sources = ExtraSources.in(configuration)
                .route("acme-forms.yaml", GUIDE.block("file: routes/acme-forms.yaml"))
                .mapping("acme-forms.yaml", GUIDE.block("file: mappings/acme-forms.yaml"));
        registry.add("camel.main.routes-include-pattern", sources::routesIncludePattern);
        registry.add("hub.mappings-dir", sources::mappingsDir);
    }

    @Test
    void theExampleRequestCreatesTheLeadTheGuideDescribes() throws Exception {
        TestTenant tenant = tenants.create();
        CurlPost request = GUIDE.curlPost("example: send-a-lead");

        Response response = http.post(request.path()).apiKey(tenant.apiKey()).json(request.body()).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertSameShape(response.json(), json(GUIDE.block("example: created-response")));
        Map<String, Object> lead = jdbc.queryForMap("SELECT * FROM leads WHERE id = ?", leadId(response));
        assertThat(lead)
                .containsEntry("tenant_id", tenant.id())
                .containsEntry("source", "acme-forms")
                .containsEntry("external_id", "AF-20931")
                .containsEntry("first_name", "Maria")
                .containsEntry("last_name", "Lopez")
                .containsEntry("full_name", "Maria Lopez")
                .containsEntry("email", "maria.lopez@example.com")
                .containsEntry("phone", "+16175550134")
                .containsEntry("phone_original", "(617) 555-0134")
                .containsEntry("phone_type", "mobile")
                .containsEntry("postal_code", "02139")
                .containsEntry("utm_source", "facebook")
                .containsEntry("utm_medium", null)
                .containsEntry("utm_campaign", "spring-solar")
                .containsEntry("trusted_form_url",
                        "https://cert.trustedform.com/2f4c9a7e1b3d5f60718293a4b5c6d7e8f9012345");
        assertThat(json(lead.get("notes"))).isEqualTo(json("[{\"text\":\"Prefers a call after 5pm\"}]"));
        assertThat(json(lead.get("custom"))).isEqualTo(json("{\"form_id\":\"solar-quote-v2\"}"));
        assertThat(json(lead.get("raw"))).isEqualTo(json(request.body()));
    }

    @Test
    void theSameLeadAgainUpdatesItAsTheGuideShows() throws Exception {
        TestTenant tenant = tenants.create();
        CurlPost request = GUIDE.curlPost("example: send-a-lead");

        Response created = http.post(request.path()).apiKey(tenant.apiKey()).json(request.body()).send();
        Response updated = http.post(request.path()).apiKey(tenant.apiKey()).json(request.body()).send();

        assertThat(created.status()).isEqualTo(201);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertSameShape(updated.json(), json(GUIDE.block("example: updated-response")));
        assertThat(leadId(updated)).isEqualTo(leadId(created));
    }

    @Test
    void thePayloadShownFirstIsTheOneTheCurlCommandSends() throws Exception {
        assertThat(json(GUIDE.block("example: payload")))
                .isEqualTo(json(GUIDE.curlPost("example: send-a-lead").body()));
    }

    @Test
    void theSameLeadFormEncodedWithFlatKeysIsMappedAlike() {
        TestTenant tenant = tenants.create();
        String form = "lead_id=AF-form-1&applicant.first=Maria&applicant.last=Lopez&contact_email=maria%40example.com"
                + "&utm.source=facebook";

        Response response = http.post("/hooks/acme-forms").apiKey(tenant.apiKey()).form(form).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(jdbc.queryForMap("SELECT first_name, last_name, email, utm_source FROM leads WHERE id = ?",
                leadId(response)))
                .containsEntry("first_name", "Maria")
                .containsEntry("last_name", "Lopez")
                .containsEntry("email", "maria@example.com")
                .containsEntry("utm_source", "facebook");
    }

    @Test
    void aLeadWithoutTheRequiredEmailIs422NamingIt() throws Exception {
        TestTenant tenant = tenants.create();
        CurlPost request = GUIDE.curlPost("example: send-a-lead");
        String withoutEmail = JSON.writeValueAsString(
                ((ObjectNode) json(request.body())).without("contact_email"));

        Response response = http.post(request.path()).apiKey(tenant.apiKey()).json(withoutEmail).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.json().get("error").asText()).isEqualTo("Missing required field: email");
        assertThat(response.json().get("missing")).isEqualTo(json("[\"email\"]"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id()))
                .isZero();
    }

    /** The documented fields in the documented order, with the documented values except the generated lead id. */
    private static void assertSameShape(JsonNode actual, JsonNode documented) {
        assertThat(fieldNames(actual)).isEqualTo(fieldNames(documented));
        assertThat(actual.get("success")).isEqualTo(documented.get("success"));
        assertThat(actual.get("created")).isEqualTo(documented.get("created"));
        assertThat(actual.get("leadId").isTextual()).isTrue();
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static UUID leadId(Response response) {
        return UUID.fromString(response.json().get("leadId").asText());
    }

    private static JsonNode json(Object text) throws Exception {
        return JSON.readTree(text.toString());
    }
}
