package io.leadhub.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadhub.HubApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A broken source stops the real application at start-up, and both the exception and Spring Boot's
 * "APPLICATION FAILED TO START" report name the file (or source) and the problem, so an operator who got one
 * file wrong learns which one and why without reading a stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokenSourceStartupTest {

    @TempDir
    Path dir;

    @Test
    void mappingFileWithAnUnknownFieldNamesTheFileAndTheField(CapturedOutput output) {
        ExtraSources sources = ExtraSources.in(dir).mapping("acme-forms.yaml", """
                fields:
                  externalId: [lead_id]
                  fistName: [applicant.first]
                """);

        assertStartupFailsSaying(sources, output,
                "acme-forms.yaml", "unknown canonical field 'fistName' (did you mean firstName?)");
    }

    @Test
    void routeFileNamingAMissingMappingNamesTheSourceAndTheMapping(CapturedOutput output) {
        ExtraSources sources = ExtraSources.in(dir).route("acme-forms.yaml", leadSource("acme-forms", "acme-form"));

        assertStartupFailsSaying(sources, output, "lead source 'acme-forms'", "no mapping file 'acme-form'");
    }

    @Test
    void routeFileThatIsNotValidYamlNamesTheFileAndTheLine(CapturedOutput output) {
        String misIndented = leadSource("acme-forms", "acme-forms").replace("      - name: path", "     - name: path");
        ExtraSources sources = ExtraSources.in(dir).route("acme-forms.yaml", misIndented);

        assertStartupFailsSaying(sources, output, "acme-forms.yaml", "line 7", "expected <block end>");
    }

    @Test
    void routeFileReusingTheRouteIdOfAShippedSourceNamesTheIdAndBothSources(CapturedOutput output) {
        // Camel replaces a route definition with the same id: GHL's route would go without a word.
        ExtraSources sources = ExtraSources.in(dir).route("t.yaml", templatedRoute("lead-source", "source-ghl",
                "source", "t", "path", "/hooks/t", "mapping", "ghl"));

        assertStartupFailsSaying(sources, output, "route id 'source-ghl'",
                "routes/ghl.yaml (lead source 'ghl', /hooks/ghl)", "routes/t.yaml (lead source 't', /hooks/t)");
    }

    @ParameterizedTest
    @CsvSource({"respnd, xml", "auht, api-key"})
    void routeFileWithAMisspeltParameterNamesItAndTheKnownOnes(String name, String value, CapturedOutput output) {
        // Without the check the misspelt parameter is ignored and its default is in effect.
        ExtraSources sources = ExtraSources.in(dir).route("acme-forms.yaml", templatedRoute("lead-source",
                "source-acme-forms", "source", "acme-forms", "path", "/hooks/acme-forms", "mapping", "ghl",
                name, value));

        assertStartupFailsSaying(sources, output, "lead source 'acme-forms'",
                "unknown parameter '" + name + "' (known: source, path, mapping, auth, respond)");
    }

    @Test
    void secondSourceOnTheSamePathNamesBothSourcesAndThePath(CapturedOutput output) {
        ExtraSources sources = ExtraSources.in(dir).route("t.yaml", templatedRoute("lead-source", "source-t",
                "source", "t", "path", "/hooks/ghl", "mapping", "ghl"));

        assertStartupFailsSaying(sources, output, "lead source 't' (/hooks/ghl)",
                "path /hooks/ghl is already the path of lead source 'ghl'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/hooks/t?x=1", "/hooks/{source}", "/hooks/t/", "hooks/t"})
    void pathThatIsNotAPlainPathNamesTheSourceAndThePath(String path, CapturedOutput output) {
        // A query string used to fail inside Camel (ResolveEndpointFailedException) with no file or source named.
        ExtraSources sources = ExtraSources.in(dir).route("t.yaml", templatedRoute("lead-source", "source-t",
                "source", "t", "path", path, "mapping", "ghl"));

        assertStartupFailsSaying(sources, output, "lead source 't' (" + path + "): path must be a plain path",
                "got '" + path + "'");
    }

    @Test
    void misspeltRequiredParameterGivesCamelsReasonAndPointsAtTheRouteFiles(CapturedOutput output) {
        // Camel checks the required parameters before the template's own validation runs.
        ExtraSources sources = ExtraSources.in(dir).route("t.yaml", templatedRoute("lead-source", "source-t",
                "source", "t", "path", "/hooks/t", "mappng", "ghl"));

        assertStartupFailsSaying(sources, output,
                "Route template lead-source the following mandatory parameters must be provided: mapping");
        assertActionPointsAtTheRouteFiles(output);
    }

    @Test
    void misspeltTemplateGivesCamelsReasonAndPointsAtTheRouteFiles(CapturedOutput output) {
        ExtraSources sources = ExtraSources.in(dir).route("t.yaml", templatedRoute("lead-sorce", "source-t",
                "source", "t", "path", "/hooks/t", "mapping", "ghl"));

        assertStartupFailsSaying(sources, output, "Cannot find RouteTemplate with id lead-sorce");
        assertActionPointsAtTheRouteFiles(output);
    }

    @Test
    void routeCamelCannotCreateNamesTheRouteAndGivesCamelsReason(CapturedOutput output) {
        ExtraSources sources = ExtraSources.in(dir).route("acme-poll.yaml", """
                - route:
                    id: acme-poll
                    from:
                      uri: timer:acme-poll
                      parameters:
                        perod: 60000
                      steps:
                        - log: polled
                """);

        // Camel's exception names the route its own way; the report names it and the file, with Camel's reason.
        assertThat(startupFailure(sources)).isNotNull();
        assertThat(reportedDescription(output)).as("description in the failure report").contains(
                "route 'acme-poll' in file:" + dir.resolve("routes/acme-poll.yaml").toAbsolutePath(),
                "Unknown parameters=[{perod=60000}]");
        assertActionPointsAtTheRouteFiles(output);
    }

    /**
     * Start-up fails, and both the exception (at some depth of its cause chain) and the "Description" of Spring
     * Boot's failure report contain every fragment.
     */
    private static void assertStartupFailsSaying(ExtraSources sources, CapturedOutput output, String... fragments) {
        Throwable failure = startupFailure(sources);

        assertThat(messages(failure)).as("messages of the failure and its causes")
                .anySatisfy(message -> assertThat(message).contains(fragments));
        assertThat(reportedDescription(output)).as("description in the failure report").contains(fragments);
    }

    private static void assertActionPointsAtTheRouteFiles(CapturedOutput output) {
        assertThat(reportedAction(output)).as("action in the failure report")
                .contains("docs/adding-a-source.md", "camel.main.routes-include-pattern = file:routes/*.yaml");
    }

    private static String leadSource(String source, String mapping) {
        return templatedRoute("lead-source", "source-" + source,
                "source", source, "path", "/hooks/" + source, "mapping", mapping);
    }

    /** A route file with one templated route; the parameters as name, value, name, value... */
    private static String templatedRoute(String template, String routeId, String... parameters) {
        StringBuilder yaml = new StringBuilder("""
                - templatedRoute:
                    routeTemplateRef: %s
                    routeId: %s
                    parameters:
                """.formatted(template, routeId));
        for (int i = 0; i < parameters.length; i += 2) {
            yaml.append("      - name: ").append(parameters[i]).append('\n')
                    .append("        value: \"").append(parameters[i + 1]).append("\"\n");
        }
        return yaml.toString();
    }

    private static Throwable startupFailure(ExtraSources sources) {
        String[] arguments = Stream.concat(Stream.of("--server.port=0"), Stream.of(sources.arguments()))
                .toArray(String[]::new);
        ConfigurableApplicationContext started;
        try {
            started = new SpringApplicationBuilder(HubApplication.class).profiles("test").run(arguments);
        } catch (RuntimeException failure) {
            return failure;
        }
        started.close();
        throw new AssertionError("the hub started despite the broken source");
    }

    private static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.add(String.valueOf(cause.getMessage()));
        }
        return messages;
    }

    /** The "Action" of Spring Boot's failure report; empty when no failure analyzer explained the failure. */
    private static String reportedAction(CapturedOutput output) {
        String all = output.getAll();
        int action = all.indexOf("Action:", all.indexOf("Description:"));
        return all.indexOf("Description:") < 0 || action < 0 ? "" : all.substring(action);
    }

    /** The "Description" of Spring Boot's failure report; empty when no failure analyzer explained the failure. */
    private static String reportedDescription(CapturedOutput output) {
        String all = output.getAll();
        int description = all.indexOf("Description:");
        int action = all.indexOf("Action:", description);
        return description < 0 || action < 0 ? "" : all.substring(description, action);
    }
}
