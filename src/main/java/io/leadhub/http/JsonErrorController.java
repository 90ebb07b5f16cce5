package io.leadhub.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever fails outside a Camel route (an unknown path, a body the HTTP binding cannot even read) still
 * answers in the hub's JSON error shape, never an HTML page or a stack trace.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null || status == HttpStatus.OK) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (exception instanceof IllegalArgumentException && status.is5xxServerError()) {
            // The HTTP binding rejects a form body it cannot split into key=value pairs before any route runs.
            status = HttpStatus.BAD_REQUEST;
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(HubErrorBody.of(HubErrorBody.messageFor(status.value())));
    }
}
