package io.leadhub.http;

import static io.leadhub.support.HubAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests Tomcat refuses before any servlet runs still get the hub's JSON error, not Tomcat's HTML page.
 */
class TomcatErrorAnswersHttpTest extends HubIntegrationTest {

    @Test
    void headersOverTomcatsLimitAreAJson400() {
        Response response = http.post("/hooks/ghl").header("X-API-Key", "a".repeat(9000)).json("{}").send();

        assertError(response, 400, "Invalid request");
        assertThat(response.header("Content-Type")).startsWith("application/json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a request line that is not HTTP | GARBAGE                                           | 400 | Invalid request",
            "a header line without a colon   | GET /v1/leads HTTP/1.1\\r\\nHost: x\\r\\nNo colon here | 400 | Invalid request",
            "a Content-Length that is no number | POST /hooks/ghl HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: ten | 400 | Invalid request",
            "a transfer coding Tomcat does not know | POST /hooks/ghl HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip | 501 | Not Implemented",
    })
    void malformedRequestsAreAnsweredInJson(String what, String head, int status, String message) throws IOException {
        String answer = send(head.replace("\\r\\n", "\r\n") + "\r\n\r\n");

        assertThat(answer).as(what).startsWith("HTTP/1.1 " + status)
                .contains("Content-Type: application/json")
                .endsWith("{\"success\":false,\"error\":\"" + message + "\"}");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Tomcat closes the connection after refusing a request it could not parse.
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
