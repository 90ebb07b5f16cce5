package io.leadhub.intake;

import io.leadhub.mapping.MappingFileException;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns a broken source — a route file that is not valid YAML, a route file with a bad {@code lead-source}
 * parameter, or a broken mapping file — into Spring Boot's "APPLICATION FAILED TO START" report. Without it
 * the one line that names the file and the problem sits at the bottom of a long bean-creation stack trace.
 */
class SourceConfigurationFailureAnalyzer implements FailureAnalyzer {

    private static final String GUIDE = "docs/adding-a-source.md";

    private final Environment environment;

    /** The environment is null when start-up failed before the application context existed. */
    SourceConfigurationFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MappingFileException mapping) {
                return new FailureAnalysis(mapping.getMessage(), "Fix the mapping file (see docs/mapping-files.md). "
                        + "Mapping files are read from hub.mappings-dir = " + setting("hub.mappings-dir") + ".", mapping);
            }
            if (cause instanceof SourceConfigurationException source) {
                return new FailureAnalysis(source.getMessage(), "Fix the route file of this source "
                        + "(see " + GUIDE + "). " + routeFilesAreReadFrom(), source);
            }
            // Camel's YAML DSL reports both unreadable YAML and unknown route keys this way, marked with the file.
            if (cause instanceof MarkedYamlEngineException yaml) {
                return new FailureAnalysis(describe(yaml), "Fix the route file (see " + GUIDE + "). "
                        + routeFilesAreReadFrom(), yaml);
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
