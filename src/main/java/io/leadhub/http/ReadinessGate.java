package io.leadhub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 {@code Service temporarily unavailable} (with {@code Retry-After}) while the instance is not ready
 * for traffic: Tomcat listens before Camel has started its routes, so for a moment at start-up a lead source's
 * path would otherwise be a 404 {@code Unknown source}, which a sender that retries on 5xx takes as final; and on
 * shutdown, requests that arrive while the last ones finish are told to come back rather than cut off. Spring
 * Boot's readiness state is the signal: accepting traffic once the application is ready, refusing again as soon
 * as it starts to close. Health stays open, since it is what reports readiness.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ReadinessGate extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "1";

    private final ApplicationAvailability availability;
    private final byte[] unavailable;

    public ReadinessGate(ApplicationAvailability availability, ObjectMapper json) throws IOException {
        this.availability = availability;
        this.unavailable = json.writeValueAsBytes(HubErrorBody.of(HubErrorBody.messageFor(HttpServletResponse.SC_SERVICE_UNAVAILABLE)));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        // So a client, or the load balancer in front, takes its next request to another instance.
        response.setHeader("Connection", "close");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(unavailable.length);
        response.getOutputStream().write(unavailable);
    }
}
