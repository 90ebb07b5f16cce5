package io.leadhub.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.support.HubHttp.Response;
import io.leadhub.support.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

class PlatformHttpEngineHttpTest extends HubIntegrationTest {

    @Autowired
    Map<String, CamelRequestHandlerMapping> camelMappings;

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
}
