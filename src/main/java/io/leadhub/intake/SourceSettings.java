package io.leadhub.intake;

import java.util.Map;
import java.util.Set;

/**
 * What a source route file configures: the source name stored on its leads, the mapping file, how callers
 * authenticate and which response style answers them. Checked when the route is created, so a typo stops
 * start-up instead of failing the first lead.
 */
public record SourceSettings(String source, String path, String mapping, String auth, String respond) {

    public static final Set<String> AUTH_SCHEMES = Set.of("api-key");

    static SourceSettings fromTemplateParameters(Map<String, Object> parameters) {
        return new SourceSettings(
                text(parameters, "source"),
                text(parameters, "path"),
                text(parameters, "mapping"),
                text(parameters, "auth"),
                text(parameters, "respond"));
    }

    private static String text(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value == null ? null : value.toString().trim();
    }
}
