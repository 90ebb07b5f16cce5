package io.leadhub.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camel's HTTP binding splits form bodies into headers before any route runs, and answers a body it cannot
 * split with an empty 500 (it has no endpoint option to turn that off). The hub parses forms itself (URL
 * decoding, repeated keys, clear 400s), so form posts reach Camel under a private media type that the
 * binding leaves alone and {@code IntakePayloadParser} reads as a form.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RawFormBodyFilter extends OncePerRequestFilter {

    public static final String RAW_FORM_MEDIA_TYPE = "application/vnd.leadhub.raw-form";
    private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(FORM_MEDIA_TYPE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String rawType = RAW_FORM_MEDIA_TYPE + request.getContentType().substring(FORM_MEDIA_TYPE.length());
        // No parameters either: asking the container for them would make it consume the form body (request
        // logging does).
        chain.doFilter(new ParameterlessRequest(request) {
            @Override
            public String getContentType() {
                return rawType;
            }

            @Override
            public String getHeader(String name) {
                return isContentType(name) ? rawType : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return isContentType(name) ? Collections.enumeration(List.of(rawType)) : super.getHeaders(name);
            }
        }, response);
    }

    private static boolean isContentType(String name) {
        return "content-type".equalsIgnoreCase(name);
    }
}
