package io.leadhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of broken mapping file stops loading with the file and the problem named. */
class MappingFileErrorsTest {

    @TempDir
    Path dir;

    private MappingFileException loadingFails(String yaml) throws IOException {
        Files.writeString(dir.resolve("ghl.yaml"), yaml);
        return catchThrowableOfType(MappingFileException.class, () -> MappingRegistry.loadDirectory(dir));
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments("fields: { fistName: [first_name] }",
                        "unknown canonical field 'fistName' (did you mean firstName?)"),
                arguments("fields: { first_name: [first_name] }",
                        "unknown canonical field 'first_name' (did you mean firstName?)"),
                arguments("fields: { tags: { from: [tags], transform: [split] } }",
                        "field tags: unknown transform 'split' (did you mean split-comma?); known: trim, lower,"
                                + " upper, split-comma, join, first-word, rest-words, date, date:<pattern>, number,"
                                + " boolean, phone"),
                arguments("fields: { fullName: { expression: \"$join([first_name, last_name\" } }",
                        "field fullName: invalid JSONata expression '$join([first_name, last_name': Expected \"]\""
                                + " before end of expression"),
                arguments("fields: { email: { from: email } }",
                        "field email: 'from' must be a list of source keys, e.g. from: [email]"),
                arguments("fields: { email: email }",
                        "field email: expected a list of source keys such as [email] or { from | constant |"
                                + " expression, transform, default }, found 'email'"),
                arguments("fields: { email: { from: [email], transform: lower } }",
                        "field email: transform must be a list, e.g. [a, b], found 'lower'"),
                arguments("fields: { email: [] }",
                        "field email: no source keys; list at least one, e.g. [email]"),
                arguments("fields: { custom.consent: [on] }",
                        "field custom.consent: source key true is read by YAML as a yes/no value; quote it"),
                arguments("fields: { email: { from: [email], tranform: [lower] } }",
                        "field email: unknown key 'tranform' (did you mean transform?); a rule may have from,"
                                + " expression, constant, default, transform"),
                arguments("fields: { email: { from: [email], constant: x } }",
                        "field email: give exactly one of from, constant or expression (found from and constant)"),
                arguments("fields: { email: { transform: [lower] } }",
                        "field email: give exactly one of from, constant or expression"),
                arguments("fields: { price: { constant: abc } }",
                        "field price: constant 'abc' cannot be used: not a number"),
                arguments("fields: { dateOfBirth: { from: [dob], default: someday } }",
                        "field dateOfBirth: default 'someday' cannot be used: not a date"),
                arguments("fields: { dateOfBirth: { from: [dob], transform: [\"date:HH:mm\"] } }",
                        "field dateOfBirth: date pattern 'HH:mm' does not describe a full date (year, month and"
                                + " day), e.g. date:MM/dd/yyyy"),
                arguments("fields: { email: [email], contact.email: [mail] }",
                        "fields 'email' and 'contact.email' both set email; list all source keys in one rule"),
                arguments("fields: { phoneOriginal: [phone] }",
                        "phoneOriginal is not a target: it always holds what the rule for phone read, so map phone"
                                + " instead"),
                arguments("fields: { status.: [stage] }",
                        "'status.' needs a pipeline name after 'status.'"),
                arguments("feilds: { email: [email] }",
                        "unknown setting 'feilds' (did you mean fields?)"),
                arguments("email: [email]",
                        "unknown setting 'email' (canonical fields belong under 'fields:')"),
                arguments("description: only a description",
                        "no 'fields:' section; it maps canonical fields to source keys, e.g. email: [email]"),
                arguments("fields: [email]",
                        "'fields' must map canonical fields to source keys, found a list"),
                arguments("required: [emial]\nfields: { email: [email] }",
                        "unknown canonical field 'emial' (did you mean email?)"),
                arguments("defaultRegion: UK\nfields: {}",
                        "defaultRegion 'UK' is not a region code libphonenumber knows (two letters such as US, GB,"
                                + " MY)"),
                arguments("nulls: [null]\nfields: {}",
                        "nulls: a bare null in YAML is not text; write \"null\" in quotes"),
                arguments("nulls: \"null\"\nfields: {}",
                        "nulls must be a list, e.g. [a, b], found 'null'"),
                arguments("flatten: \"\"\nfields: {}",
                        "flatten: the separator must not be empty, e.g. flatten: \"__\""),
                arguments("- just\n- a list",
                        "expected settings and a 'fields:' section, found a list"),
                arguments("just text",
                        "expected settings and a 'fields:' section, found 'just text'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("brokenFiles")
    void brokenFilesAreRefusedWithTheFileAndTheProblem(String yaml, String problem) throws IOException {
        MappingFileException e = loadingFails(yaml);

        assertThat(e).as("no error for %s", yaml).isNotNull();
        assertThat(e.file()).isEqualTo(dir.resolve("ghl.yaml").toString());
        assertThat(e.problem()).isEqualTo(problem);
        assertThat(e.getMessage()).isEqualTo(dir.resolve("ghl.yaml") + ": " + problem);
    }

    @Test
    void yamlSyntaxErrorsSayWhere() throws IOException {
        MappingFileException e = loadingFails("fields:\n  email: [email\n  phone: [phone]\n");

        assertThat(e.getMessage()).startsWith(dir.resolve("ghl.yaml") + ": not valid YAML (line 3, column 8): ")
                .contains("expected ',' or ']'");
    }

    @Test
    void duplicateKeysAreRefusedInsteadOfTheLastOneWinning() throws IOException {
        MappingFileException e = loadingFails("fields:\n  email: [email]\n  email: [mail]\n");

        assertThat(e.problem()).isEqualTo("not valid YAML (line 3, column 8): Duplicate field 'email'");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        assertThat(loadingFails("").problem())
                .isEqualTo("the file is empty; a mapping needs at least a 'fields:' section");
        assertThat(loadingFails("# only a comment\n").problem())
                .isEqualTo("the file is empty; a mapping needs at least a 'fields:' section");
    }

    @Test
    void messagesNameTheFileAsTheDirectoryWasGiven() throws IOException {
        Path relative = Path.of("target", "mapping-errors-" + ProcessHandle.current().pid());
        Files.createDirectories(relative);
        try {
            Files.writeString(relative.resolve("ghl.yaml"), "fields: { fistName: [first_name] }");

            MappingFileException e = catchThrowableOfType(MappingFileException.class,
                    () -> MappingRegistry.loadDirectory(relative));

            assertThat(e.getMessage()).isEqualTo(relative.resolve("ghl.yaml")
                    + ": unknown canonical field 'fistName' (did you mean firstName?)");
        } finally {
            Files.deleteIfExists(relative.resolve("ghl.yaml"));
            Files.deleteIfExists(relative);
        }
    }

    @Test
    void registeredTextIsNamedByTheMappingName() {
        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> new MappingRegistry().register("docs-example", "fields: { fistName: [first_name] }"));

        assertThat(e.file()).isEqualTo("docs-example");
        assertThat(e.getMessage())
                .isEqualTo("docs-example: unknown canonical field 'fistName' (did you mean firstName?)");
    }
}
