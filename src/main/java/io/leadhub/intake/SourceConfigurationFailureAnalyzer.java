package io.leadhub.intake;

import io.leadhub.mapping.MappingFileException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToCreateRouteFromTemplateException;
import org.apache.camel.FailedToStartRouteException;
import org.apache.camel.spring.boot.CamelSpringBootInitializationException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a broken source — a route file that is not valid YAML, a route file with a bad {@code lead-source}
 * parameter or a route id already taken, a route Camel cannot create or start, or a broken mapping file — into
 * Spring Boot's "APPLICATION FAILED TO START" report. Without it the one line that names the file and the problem
 * sits at the bottom of a long bean-creation stack trace.
 */
class SourceConfigurationFailureAnalyzer implements FailureAnalyzer {

    private static final String GUIDE = "docs/adding-a-source.md";

    /** A location such as file:routes/acme.yaml; Camel gives a Java file name for a route it has no resource for. */
    private static final Pattern RESOURCE_LOCATION = Pattern.compile("[a-z][a-z0-9+.-]*:.+");

    private final Environment environment;

    /** The environment is null when start-up failed before the application context existed. */
    SourceConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        // The hub's own reports first: Camel wraps those thrown while it creates a route, and they say more.
        MappingFileException mapping = cause(failure, MappingFileException.class);
        if (mapping != null) {
            return new FailureAnalysis(mapping.getMessage(), "Fix the mapping file (see docs/mapping-files.md). "
                    + "Mapping files are read from hub.mappings-dir = " + setting("hub.mappings-dir") + ".", mapping);
        }
        SourceConfigurationException source = cause(failure, SourceConfigurationException.class);
        if (source != null) {
            return new FailureAnalysis(source.getMessage(), "Fix the route file of this source "
                    + "(see " + GUIDE + "). " + routeFilesAreReadFrom(), source);
        }
        // Camel's YAML DSL reports both unreadable YAML and unknown route keys this way, marked with the file.
        MarkedYamlEngineException yaml = cause(failure, MarkedYamlEngineException.class);
        if (yaml != null) {
            return routeFileFailure(describe(yaml), yaml);
        }
        return analyzeCamelFailure(failure);
    }

    /**
     * Camel's own failures while it adds, creates and starts the routes, recognised by type (their messages are
     * Camel's, and change between versions) and reported with the route and Camel's reason.
     */
    private FailureAnalysis analyzeCamelFailure(Throwable failure) {
        FailedToCreateRouteFromTemplateException template =
                cause(failure, FailedToCreateRouteFromTemplateException.class);
        if (template != null) {
            return routeFileFailure(route(template.getRouteId(), null) + " from route template '"
                    + template.getTemplateId() + "' could not be created: " + reason(template), template);
        }
        FailedToCreateRouteException create = cause(failure, FailedToCreateRouteException.class);
        if (create != null) {
            return routeFileFailure(route(create.getRouteId(), create.getLocation()) + " could not be created: "
                    + reason(create), create);
        }
        FailedToStartRouteException start = cause(failure, FailedToStartRouteException.class);
        if (start != null) {
            return routeFileFailure(route(start.getRouteId(), start.getLocation()) + " could not be started: "
                    + reason(start), start);
        }
        // Camel Spring Boot wraps whatever failed while Camel added the routes. A templated route whose template does
        // not exist or lacks a required parameter fails as a bare IllegalArgumentException, naming the template but
        // not the route or its file, so Camel's reason is all there is to report.
        CamelSpringBootInitializationException camel = cause(failure, CamelSpringBootInitializationException.class);
        if (camel != null && camel.getCause() != null) {
            return routeFileFailure("Camel could not add the routes: " + reason(camel), camel);
        }
        return null;
    }

    private FailureAnalysis routeFileFailure(String description, Throwable cause) {
        return new FailureAnalysis(description, "Fix the route file (see " + GUIDE + "). " + routeFilesAreReadFrom(),
                cause);
    }

    /** The route, and its file when Camel knows it (as a resource location; for a templated route it does not). */
    private static String route(String routeId, String location) {
        String route = routeId == null ? "a route" : "route '" + routeId + "'";
        return location != null && RESOURCE_LOCATION.matcher(location).matches() ? route + " in " + location : route;
    }

    /** Camel's reason: the message of the innermost cause, which the outer ones repeat with more around it. */
    private static String reason(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        return String.valueOf(innermost.getMessage());
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String describe(MarkedYamlEngineException yaml) {
        Optional<Mark> mark = yaml.getProblemMark().or(yaml::getContextMark);
        String where = mark.map(m -> m.getName() + " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")")
                .orElse("a route file");
        String problem = Stream.of(yaml.getContext(), yaml.getProblem())
                .filter(Objects::nonNull)
                .collect(Collectors.joining("; "));
        return where + ": not a valid route file: " + problem;
    }

    private String routeFilesAreReadFrom() {
        return "Route files are read from camel.main.routes-include-pattern = "
                + setting("camel.main.routes-include-pattern") + ".";
    }

    private String setting(String name) {
        String value = environment == null ? null : environment.getProperty(name);
        return value == null ? "(not set)" : value;
    }
}
