package io.leadhub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ActionCode;

/**
 * What Tomcat answers by itself, for a request it refuses before any servlet runs (request headers over its 8 KB
 * limit, a malformed request line or header, a request arriving while it pauses for shutdown), in the hub's JSON
 * error shape instead of Tomcat's HTML page.
 * Tomcat's own {@code JsonErrorReportValve} writes another shape ({@code type}, {@code message}); the guards
 * below are the ones both of Tomcat's valves use.
 */
public class HubErrorReportValve extends ErrorReportValve {

    private final ObjectMapper mapper;

    public HubErrorReportValve(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // Not an error, already answered by the hub, or already reported.
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        int answer = answerStatus(request, status);
        if (answer != status) {
            response.setStatus(answer);
            status = answer;
        }
        if (status == 503) {
            // As the hub's own 503s (ReadinessGate): send it again, to this instance once it is back or another.
            response.setHeader("Retry-After", ReadinessGate.RETRY_AFTER_SECONDS);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // A 400 here is about the request line or headers: no body was read.
                String message = status == 400 ? "Invalid request" : HubErrorBody.messageFor(status);
                writer.write(mapper.writeValueAsString(HubErrorBody.of(message)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell anyone.
        }
    }

    /**
     * Tomcat answers 503 to a request that arrives on a kept-alive connection as it pauses for shutdown, then, not
     * having read that request's headers, finds no Host header and makes it a 400. A lead sender takes a 400 as
     * final and drops the lead (GoHighLevel never resends); the 503 is what Tomcat meant, and nothing was read
     * that could have made the request a bad one.
     */
    static int answerStatus(Request request, int status) {
        return status == 400 && isPausedForShutdown(request) ? 503 : status;
    }

    private static boolean isPausedForShutdown(Request request) {
        return request.getConnector().getProtocolHandler() instanceof AbstractProtocol<?> protocol && protocol.isPaused();
    }
}
