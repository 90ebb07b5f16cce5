package io.leadhub.intake;

import io.leadhub.intake.respond.IntakeResponders;
import io.leadhub.mapping.MappingRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.springframework.stereotype.Component;

/**
 * The {@code lead-source} route template. A source is one YAML file in routes/ that names this template and
 * gives its parameters; everything after the HTTP endpoint is the shared {@code direct:intake} pipeline.
 */
@Component
public class LeadSourceRouteTemplate extends RouteBuilder {

    public static final String TEMPLATE_ID = "lead-source";
    /** The one method a source takes; anything else on its path is a 405 naming it in {@code Allow}. */
    static final String METHOD = "POST";

    /**
     * The path goes into the endpoint URI, so anything else would change the endpoint: a query string would become
     * endpoint options Camel refuses, and {@code {…}} a path parameter that claims other sources' paths.
     */
    private static final Pattern PLAIN_PATH = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)+");

    private final MappingRegistry mappings;
    private final IntakeResponders responders;
    /** Path → the source listening on it. */
    private final Map<String, String> sourcePaths = new ConcurrentHashMap<>();

    public LeadSourceRouteTemplate(MappingRegistry mappings, IntakeResponders responders) {
        this.mappings = mappings;
        this.responders = responders;
    }

    /** Whether a configured source listens on this path (for telling 405 from 404). */
    public boolean isSourcePath(String path) {
        return sourcePaths.containsKey(path);
    }

    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(TEMPLATE_ID)
                .templateParameter("source", null, "Source name stored on every lead (e.g. ghl)")
                .templateParameter("path", null, "HTTP path the source posts to (e.g. /hooks/ghl)")
                .templateParameter("mapping", null, "Mapping file in mappings/, without .yaml")
                .templateParameter("auth", "api-key", "How callers authenticate: api-key (X-API-Key or Bearer)")
                .templateParameter("respond", "hub", "Response style: hub");
        List<String> parameterNames = template.getTemplateParameters().stream()
                .map(RouteTemplateParameterDefinition::getName)
                .toList();
        // The context holds every parameter the route file gives, by the name it gives, plus the defaults.
        template.configure(context -> validate(context.getParameters(), parameterNames))
                .from("platform-http:{{path}}?httpMethodRestrict=" + METHOD)
                    .routeConfigurationId(IntakeErrorPolicy.ID)
                    .setProperty(IntakeProperties.SOURCE, constant("{{source}}"))
                    .setProperty(IntakeProperties.MAPPING, constant("{{mapping}}"))
                    .setProperty(IntakeProperties.AUTH, constant("{{auth}}"))
                    .setProperty(IntakeProperties.RESPOND, constant("{{respond}}"))
                    .to(IntakePipelineRoutes.INTAKE);
    }

    private void validate(Map<String, Object> parameters, List<String> parameterNames) {
        SourceSettings settings = SourceSettings.fromTemplateParameters(parameters);
        String where = "lead source '" + settings.source() + "' (" + settings.path() + ")";
        // Camel ignores a parameter the template does not declare: a misspelt optional one leaves its default on.
        List<String> unknown = parameters.keySet().stream()
                .filter(name -> !parameterNames.contains(name))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new SourceConfigurationException(where + ": unknown parameter" + (unknown.size() == 1 ? " " : "s ")
                    + quoted(unknown) + " (known: " + String.join(", ", parameterNames) + ")");
        }
        if (settings.source() == null || !settings.source().matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new SourceConfigurationException(
                    where + ": source must be lower-case letters, digits, '-' or '_', got '" + settings.source() + "'");
        }
        if (settings.path() == null || !PLAIN_PATH.matcher(settings.path()).matches()) {
            throw new SourceConfigurationException(where + ": path must be a plain path such as /hooks/"
                    + settings.source() + ": '/' then letters, digits, '-', '_', '.' or '~' in each segment, no query"
                    + " string, placeholder or trailing '/', got '" + settings.path() + "'");
        }
        if (!mappings.contains(settings.mapping())) {
            throw new SourceConfigurationException(where + ": no mapping file '" + settings.mapping()
                    + "' (known: " + mappings.names() + ")");
        }
        if (!SourceSettings.AUTH_SCHEMES.contains(settings.auth())) {
            throw new SourceConfigurationException(where + ": unknown auth '" + settings.auth()
                    + "' (known: " + SourceSettings.AUTH_SCHEMES + ")");
        }
        if (!responders.contains(settings.respond())) {
            throw new SourceConfigurationException(where + ": unknown respond '" + settings.respond()
                    + "' (known: " + responders.names() + ")");
        }
        // Camel would refuse the second consumer of the endpoint, in a stack trace that names neither route file.
        String other = sourcePaths.putIfAbsent(settings.path(), settings.source());
        if (other != null) {
            throw new SourceConfigurationException(where + ": path " + settings.path()
                    + " is already the path of lead source '" + other + "'; every source needs a path of its own");
        }
    }

    private static String quoted(List<String> names) {
        return names.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
    }
}
