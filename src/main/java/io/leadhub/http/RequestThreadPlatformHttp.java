package io.leadhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpConsumer;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Camel's Spring Boot platform-http engine, run on the servlet request thread.
 *
 * <p>The stock engine ({@code SpringBootPlatformHttpAutoConfiguration}, excluded in application.yml) maps every
 * route to a handler that returns a {@code CompletableFuture}: each request is handed to a task pool, and Spring
 * MVC then dispatches it through Tomcat a second time to finish it. The hub's routes block anyway (a lead is
 * answered after its commit), so the hand-off buys nothing and costs two thread switches and a second pass
 * through the filter chain per request: measured with bench/run.sh, a trivial platform-http route took about
 * 30% less JVM CPU per request this way (docs/PERFORMANCE.md). Everything else is Camel's own: the same
 * request mapping (paths, verbs, CORS, uri prefixes), consumer, binding and unit of work; only the handler
 * method differs, and it hands Camel the request behind a {@link BoundedBodyRequest}, because Camel reads the
 * whole body into memory as it creates the message, and behind a {@link ParameterlessRequest}, because Camel
 * would mix the query parameters into the request's headers. Concurrency is bounded by Tomcat's request threads
 * ({@code HUB_REQUEST_THREADS}).
 */
@Configuration(proxyBeanMethods = false)
class RequestThreadPlatformHttp {

    private static final Logger LOG = LoggerFactory.getLogger(RequestThreadPlatformHttp.class);

    @Bean(name = "platform-http-engine")
    PlatformHttpEngine platformHttpEngine(@Value("${server.port:8080}") int port, BodyLimit bodyLimit,
            JsonResponses responses) {
        return new PlatformHttpEngine() {
            @Override
            public PlatformHttpConsumer createConsumer(PlatformHttpEndpoint endpoint, Processor processor) {
                return new RequestThreadConsumer(endpoint, errorsAnswered(processor, responses), bodyLimit.maxBytes());
            }

            @Override
            public int getServerPort() {
                return port;
            }
        };
    }

    /**
     * The route, with an {@link Error} answered as the hub's JSON 500. Camel's error handlers take exceptions
     * only, and the consumer writes the response in a {@code finally}: a StackOverflowError in a route (a
     * runaway mapping expression, say) used to answer 200 with the request body echoed back, the lead unstored.
     * Nothing can be safely retried after an Error, so the caller hears a 500 it can act on.
     */
    private static Processor errorsAnswered(Processor route, JsonResponses responses) {
        return exchange -> {
            try {
                route.process(exchange);
            } catch (Error error) {
                LOG.error("Request failed with {}", error.toString(), error);
                responses.write(exchange, 500, HubErrorBody.of(HubErrorBody.messageFor(500)));
            }
        };
    }

    /** Camel's mapping, registering {@link RequestThreadConsumer#handle} instead of the asynchronous handler. */
    @Bean
    @DependsOn("configurePlatformHttpComponent")
    CamelRequestHandlerMapping platformHttpEngineRequestMapping(PlatformHttpEngine engine, CamelContext camelContext) {
        PlatformHttpComponent component = camelContext.getComponent("platform-http", PlatformHttpComponent.class);
        return new CamelRequestHandlerMapping(component, engine) {
            @Override
            public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
                super.registerMapping(mapping, handler,
                        handler instanceof RequestThreadConsumer ? RequestThreadConsumer.HANDLE : method);
            }
        };
    }

    static final class RequestThreadConsumer extends SpringBootPlatformHttpConsumer {

        private static final Logger LOG = LoggerFactory.getLogger(RequestThreadConsumer.class);
        static final Method HANDLE = handleMethod();

        private final long maxBodyBytes;

        RequestThreadConsumer(PlatformHttpEndpoint endpoint, Processor processor, long maxBodyBytes) {
            super(endpoint, processor, Runnable::run);
            this.maxBodyBytes = maxBodyBytes;
        }

        /** The Spring MVC handler: the exchange runs and its response is written before this returns. */
        public void handle(HttpServletRequest request, HttpServletResponse response) {
            try {
                handleService(new BoundedBodyRequest(new ParameterlessRequest(request), maxBodyBytes), response);
            } catch (Exception e) {
                // As the stock handler does: routes answer their own errors, so this is a failure to write.
                LOG.warn("Error handling request due to: {}", e.getMessage(), e);
                if (!response.isCommitted()) {
                    try {
                        response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
                    } catch (Exception clientGone) {
                        LOG.debug("Could not send the error response", clientGone);
                    }
                }
            }
        }

        private static Method handleMethod() {
            try {
                return RequestThreadConsumer.class.getMethod("handle", HttpServletRequest.class,
                        HttpServletResponse.class);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
