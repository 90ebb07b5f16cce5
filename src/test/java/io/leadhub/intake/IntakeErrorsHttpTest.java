package io.leadhub.intake;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import io.leadhub.support.RandomText;
import io.leadhub.support.TestTenants.TestTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every bad-input row of the intake contract: the status, the exact JSON error, and that nothing was written.
 */
@ExtendWith(OutputCaptureExtension.class)
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
    void aKeyInTheQueryStringIsNotTakenAndWritesNothing() {
        TestTenant tenant = tenants.create();

        for (String query : List.of("X-API-Key=" + tenant.apiKey(), "Authorization=Bearer%20" + tenant.apiKey())) {
            Response response = http.post("/hooks/ghl?" + query).json(VALID_LEAD.formatted(externalId())).send();
            assertError(response, 401, "API key required");
        }
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void queryParametersNamedLikeHeadersChangeNothing() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl?Content-Type=text/plain&Content-Length=1&X-API-Key=nope")
                .apiKey(tenant.apiKey()).json(VALID_LEAD.formatted(externalId())).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(leadCount(tenant)).isOne();
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

    /**
     * Nothing may follow the object. The body's own text is embedded in the JSON batch sent to PostgreSQL, where
     * text after the object would be read as more fields of the lead: another tenant's id, say.
     */
    @Test
    void contentAfterTheObjectIs400AndWritesNothingForAnyTenant() {
        TestTenant tenant = tenants.create();
        TestTenant other = tenants.create();
        String lead = VALID_LEAD.formatted(externalId());

        for (String body : List.of(lead + " garbage", lead + "{\"x\":1}",
                lead + ",\"tenant_id\":\"" + other.id() + "\"")) {
            assertError(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(body).send(), 400, "Invalid JSON body");
        }
        assertThat(leadCount(tenant)).isZero();
        assertThat(leadCount(other)).isZero();
        assertThat(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(lead + " \r\n\t").send().status())
                .as("trailing whitespace is still one object").isEqualTo(201);
    }

    /**
     * 500 levels at most: the payload is written again inside the batch, the lead, its event and custom, and
     * Jackson writes no more than 1,000. Just under the limit is stored, arrays and objects alike.
     */
    @Test
    void nestingDeeperThanFiveHundredLevelsIs400AndJustUnderIsStored() {
        TestTenant tenant = tenants.create();
        String tooDeep = "{\"contact_id\":\"deep-1\",\"email\":\"ann@example.com\",\"x\":" + "[".repeat(500)
                + "]".repeat(500) + "}";
        String deepArrays = "{\"contact_id\":\"deep-2\",\"email\":\"ann@example.com\",\"x\":" + "[".repeat(499)
                + "]".repeat(499) + "}";
        String deepObjects = "{\"contact_id\":\"deep-3\",\"email\":\"ann@example.com\",\"x\":"
                + "{\"a\":".repeat(499) + "1" + "}".repeat(499) + "}";

        // 998 levels were read, then failed to be written: a 500.
        String farTooDeep = "{\"contact_id\":\"deep-0\",\"email\":\"ann@example.com\",\"x\":" + "[".repeat(998)
                + "]".repeat(998) + "}";

        assertError(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(tooDeep).send(), 400, "Invalid JSON body");
        assertError(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(farTooDeep).send(), 400, "Invalid JSON body");
        assertThat(leadCount(tenant)).isZero();
        assertThat(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(deepArrays).send().status()).isEqualTo(201);
        assertThat(http.post("/hooks/ghl").apiKey(tenant.apiKey()).json(deepObjects).send().status()).isEqualTo(201);
        assertThat(leadCount(tenant)).isEqualTo(2);
    }

    /** Valid JSON, but a number PostgreSQL's numeric (and so jsonb) cannot hold. */
    @Test
    void numberBeyondWhatTheDatabaseHoldsIs400AndWritesNothing() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"big-1\",\"email\":\"ann@example.com\",\"score\":[1e200000]}").send();

        assertError(response, 400, "Invalid JSON body");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void aNumberWrittenOutInFullOverAThousandCharactersIs400AndOneAtTheLimitReadsBack() throws Exception {
        TestTenant tenant = tenants.create();

        Response tooLong = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"big-2\",\"first_name\":\"P\",\"n\":1e1000}").send();
        Response atTheLimit = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"big-3\",\"first_name\":\"P\",\"n\":-1e998,\"f\":0.1E-997}").send();

        assertError(tooLong, 400, "Invalid JSON body");
        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
        Response read = http.get("/v1/leads/" + atTheLimit.json().get("leadId").asText()).apiKey(tenant.apiKey()).send();
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().at("/custom/n").bigIntegerValue()).isEqualTo(BigInteger.TEN.pow(998).negate());
        JsonNode exact = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(read.text());
        assertThat(exact.at("/custom/f").decimalValue()).isEqualByComparingTo(new BigDecimal("1e-998"));
        assertThat(leadCount(tenant)).isOne();
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

    /**
     * A client that keeps sending must get its 413 once the body passes the limit, not after the hub has read
     * (and held) all of it: this one sends 1.5 MiB and then nothing, never ending the body. Camel used to read a
     * body whole before the first route step, so this request got no answer at all.
     */
    @Test
    void chunkedBodyIsRefusedAtTheLimitWithoutWaitingForTheRest() throws IOException {
        TestTenant tenant = tenants.create();
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 24; i++) {
            chunks.write("10000\r\n".getBytes(StandardCharsets.US_ASCII));
            chunks.write(chunk);
            chunks.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }

        String answer = postWithoutFinishing(tenant, "Transfer-Encoding: chunked", chunks.toByteArray());

        assertThat(answer).startsWith("HTTP/1.1 413").endsWith("{\"success\":false,\"error\":\"Payload too large\"}");
        assertThat(leadCount(tenant)).isZero();
    }

    /**
     * A body cut off mid-way (the sender closed its side) is Tomcat's 400, in the hub's JSON, and nothing is
     * written. The hub reads the body before any route step; a failed read there used to escape as an exception,
     * logged with its stack trace as if the hub had failed, on every aborted upload.
     */
    @Test
    void bodyCutOffMidWayIs400WritesNothingAndLogsNoFailure(CapturedOutput output) throws IOException {
        TestTenant tenant = tenants.create();

        String chunked = postPartly(tenant, "Transfer-Encoding: chunked",
                "20\r\n{\"contact_id\":\"cut-1\",\"first".getBytes(StandardCharsets.US_ASCII), true);
        String declared = postPartly(tenant, "Content-Length: 100",
                "{\"contact_id\":\"cut-2\",\"first".getBytes(StandardCharsets.US_ASCII), true);

        assertThat(chunked).startsWith("HTTP/1.1 400").contains("{\"success\":false,\"error\":\"Invalid request body\"}");
        assertThat(declared).startsWith("HTTP/1.1 400").contains("{\"success\":false,\"error\":\"Invalid request body\"}");
        assertThat(leadCount(tenant)).isZero();
        assertThat(output.getAll()).doesNotContain("Error handling request");
    }

    /** A declared length over the limit is refused by that alone: the hub does not wait for a byte of the body. */
    @Test
    void declaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws IOException {
        TestTenant tenant = tenants.create();

        String answer = postWithoutFinishing(tenant, "Content-Length: " + 5 * 1024 * 1024,
                "{\"first_name\":\"".getBytes(StandardCharsets.US_ASCII));

        assertThat(answer).startsWith("HTTP/1.1 413").endsWith("{\"success\":false,\"error\":\"Payload too large\"}");
        assertThat(leadCount(tenant)).isZero();
    }

    /** JSON bytes that are not UTF-8 (Latin-1 sent without saying so) are 400; a charset the JVM lacks is 415. */
    @Test
    void bodiesTheHubCannotDecodeAreRefusedAndWriteNothing() {
        TestTenant tenant = tenants.create();
        byte[] latin1Undeclared = "{\"first_name\":\"Ann\",\"email\":\"ann@example.com\",\"city\":\"M\u00fcnchen\"}"
                .getBytes(StandardCharsets.ISO_8859_1);

        Response notUtf8 = http.post("/hooks/ghl").apiKey(tenant.apiKey()).body("application/json", latin1Undeclared).send();
        Response unknownCharset = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .body("application/json; charset=x-no-such-charset", VALID_LEAD.formatted(externalId())).send();

        assertError(notUtf8, 400, "Invalid JSON body");
        assertError(unknownCharset, 415, "Unsupported content type");
        assertThat(leadCount(tenant)).isZero();
    }

    /**
     * The hub decodes no content coding, so a body in one is 415 before it is parsed: a gzipped lead used to be a
     * misleading 400 "Invalid JSON body", and a plain one labelled gzip was stored as if the label were not there.
     */
    @Test
    void aBodyInAContentCodingIs415AndWritesNothing() throws IOException {
        TestTenant tenant = tenants.create();
        String lead = VALID_LEAD.formatted(externalId());

        Response gzipped = http.post("/hooks/ghl").apiKey(tenant.apiKey()).header("Content-Encoding", "gzip")
                .body("application/json", gzip(lead)).send();
        Response labelledGzip = http.post("/hooks/ghl").apiKey(tenant.apiKey()).header("Content-Encoding", "GZIP")
                .json(lead).send();
        Response form = http.post("/hooks/zapier").apiKey(tenant.apiKey()).header("Content-Encoding", "br")
                .form("first_name=Ann&email=ann%40example.com").send();
        Response listed = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .header("Content-Encoding", "identity, deflate").json(lead).send();

        assertError(gzipped, 415, "Unsupported Content-Encoding: gzip");
        assertError(labelledGzip, 415, "Unsupported Content-Encoding: GZIP");
        assertError(form, 415, "Unsupported Content-Encoding: br");
        assertError(listed, 415, "Unsupported Content-Encoding: deflate");
        assertThat(leadCount(tenant)).isZero();
    }

    @Test
    void contentEncodingIdentityIsTheBodyAsItIs() {
        TestTenant tenant = tenants.create();

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey()).header("Content-Encoding", "identity")
                .json(VALID_LEAD.formatted(externalId())).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(leadCount(tenant)).isOne();
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

    /** RFC 9110 15.5.6: a 405 must say, in Allow, which methods the resource takes; a source takes POST only. */
    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "PATCH", "OPTIONS"})
    void configuredSourceWithTheWrongMethodIs405AllowingPost(String method) {
        TestTenant tenant = tenants.create();

        for (String path : List.of("/hooks/ghl", "/hooks/zapier")) {
            Response response = http.request(method, path).apiKey(tenant.apiKey()).send();

            assertError(response, 405, "Method not allowed");
            assertThat(response.header("Allow")).as(method + " " + path).isEqualTo("POST");
        }
    }

    @Test
    void aHeadRequestToASourceIs405WithAllowAndNoBody() {
        Response response = http.request("HEAD", "/hooks/ghl").send();

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("POST");
        assertThat(response.text()).isEmpty();
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

    /** No real source id is this long, and PostgreSQL cannot index one of a few kilobytes: 422, not a 500. */
    @Test
    void externalIdOver255CharactersIs422AndWritesNothing() {
        TestTenant tenant = tenants.create();
        String contactId = RandomText.incompressible(10_000);

        Response response = http.post("/hooks/ghl").apiKey(tenant.apiKey())
                .json("{\"contact_id\":\"" + contactId + "\",\"email\":\"ann@example.com\"}").send();

        assertError(response, 422, "Invalid externalId: longer than 255 characters");
        assertThat(response.json().get("invalid").get("externalId").asText()).isEqualTo("longer than 255 characters");
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


    /** Posts a GHL lead whose body never ends, and returns what the hub answers within 10 s. */
    private String postWithoutFinishing(TestTenant tenant, String framingHeader, byte[] partialBody) throws IOException {
        return postPartly(tenant, framingHeader, partialBody, false);
    }

    /**
     * Posts the start of a GHL lead and, if {@code thenStopSending}, closes the sending side of the connection, as
     * a client that gives up mid-body does; returns what the hub answers within 10 s.
     */
    private String postPartly(TestTenant tenant, String framingHeader, byte[] partialBody, boolean thenStopSending)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /hooks/ghl HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + tenant.apiKey()
                    + "\r\nContent-Type: application/json\r\n" + framingHeader + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(partialBody);
            out.flush();
            if (thenStopSending) {
                socket.shutdownOutput();
            }
            return readUntilBodyEnds(socket.getInputStream());
        }
    }

    /**
     * The status line, headers and body, read as they arrive: a Content-Length body up to its length (the
     * connection may stay open), any other body (chunked, as raw text) until the hub closes the connection.
     */
    private static String readUntilBodyEnds(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int headerEnd = -1;
        int contentLength = -1;
        while (headerEnd < 0 || contentLength < 0 || text.length() < headerEnd + contentLength) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            text.append((char) next);
            if (headerEnd < 0 && text.toString().endsWith("\r\n\r\n")) {
                headerEnd = text.length();
                for (String line : text.toString().split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring("content-length:".length()).strip());
                    }
                }
            }
        }
        return text.toString();
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private int leadCount(TestTenant tenant) {
        return jdbc.queryForObject("SELECT count(*) FROM leads WHERE tenant_id = ?", Integer.class, tenant.id());
    }

    private static String externalId() {
        return "c-" + UUID.randomUUID();
    }
}
