package io.leadhub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link HubErrorReportValve} where Tomcat's HTML error valve was. Spring Boot adds a plain
 * {@link ErrorReportValve} to the host (its stack-trace-free variant); this runs after Spring Boot's customizer,
 * takes that one out, and names the hub's class as the host's error valve so Tomcat does not add its default
 * one on start.
 */
@Component
public class TomcatErrorAnswers implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper mapper;

    public TomcatErrorAnswers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new HubErrorReportValve(mapper));
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(HubErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
