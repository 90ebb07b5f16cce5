package io.leadhub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.StreamCache;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

class PlatformHttpEngineHttpTest extends HubIntegrationTest {

    @Autowired
    Map<String, CamelRequestHandlerMapping> camelMappings;

    @Autowired
    CamelContext camel;

    @Test
    void everyRouteIsServedOnTheRequestThreadByTheOneCamelMapping() {
        assertThat(camelMappings).hasSize(1);
        Map<RequestMappingInfo, HandlerMethod> handlers = camelMappings.values().iterator().next().getHandlerMethods();

        assertThat(handlers).isNotEmpty();
        assertThat(handlers.values()).allSatisfy(handler -> {
            assertThat(handler.getMethod()).isEqualTo(RequestThreadPlatformHttp.RequestThreadConsumer.HANDLE);
            assertThat(handler.getBean()).isInstanceOf(RequestThreadPlatformHttp.RequestThreadConsumer.class);
        });
        assertThat(handlers.keySet()).anySatisfy(info ->
                assertThat(info.getPatternValues()).contains("/hooks/ghl"));
    }

    @Test
    void jsonAnswersCarryTheirLengthInsteadOfBeingChunked() {
        Response response = http.post("/hooks/ghl").json("{\"contact_id\":\"c-1\"}").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Transfer-Encoding")).isNull();
        assertThat(response.header("Content-Length"))
                .isEqualTo(String.valueOf(response.text().getBytes(StandardCharsets.UTF_8).length));
        assertThat(response.text()).contains("API key required");
    }

    @Test
    void camelCachesADecodedBodyAsTheTextItHoldsWithoutReadingItThrough() throws Exception {
        String text = "{\"first_name\":\"Zoë\"}";
        BoundedBodyRequest.DecodedBody body = new BoundedBodyRequest.DecodedBody(text);

        StreamCache cache = camel.getTypeConverter().mandatoryConvertTo(StreamCache.class, body);

        assertThat(readAll((Reader) cache)).isEqualTo(text);
        // Camel's own reader-to-cache conversion drains the reader through its buffers; this one never touches it.
        assertThat(readAll(body)).isEqualTo(text);
    }

    private static String readAll(Reader reader) throws Exception {
        StringWriter text = new StringWriter();
        reader.transferTo(text);
        return text.toString();
    }
}
