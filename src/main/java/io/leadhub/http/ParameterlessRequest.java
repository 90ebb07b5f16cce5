package io.leadhub.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

/**
 * A request that shows Camel no parameters, so its message headers hold only what the client sent as headers.
 *
 * <p>platform-http's binding copies every query (and form) parameter into the message headers, beside the
 * request's headers and under the same names. A route could then not tell {@code ?X-API-Key=…} from the
 * {@code X-API-Key} header (a key in a URL ends up in proxy logs and browser histories, and every seed puts it in
 * a header), nor an {@code email:} header from the {@code email} filter, and {@code ?Content-Type=text/plain}
 * turned a JSON post into a 415. Query parameters are read from the query string instead
 * ({@link RequestParameters#query}); form bodies are parsed by the hub itself.
 */
class ParameterlessRequest extends HttpServletRequestWrapper {

    ParameterlessRequest(HttpServletRequest request) {
        super(request);
    }

    @Override
    public String getParameter(String name) {
        return null;
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return Map.of();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.emptyEnumeration();
    }

    @Override
    public String[] getParameterValues(String name) {
        return null;
    }
}
