package io.leadhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.leadhub.canonical.CanonicalLead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The examples in docs/mapping-files.md are real: complete YAML files load, and the Java example does what it says. */
class DocsExamplesTest {

    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyCompleteMappingFileInTheDocsLoads() throws IOException {
        String doc = Files.readString(Path.of("docs", "mapping-files.md"));
        List<String> files = new ArrayList<>();
        Matcher block = YAML_BLOCK.matcher(doc);
        while (block.find()) {
            if (block.group(1).contains("\nfields:")) {
                files.add(block.group(1));
            }
        }

        assertThat(files).isNotEmpty();
        for (String yaml : files) {
            assertThatCode(() -> new MappingRegistry().register("docs", yaml)).as(yaml).doesNotThrowAnyException();
        }
    }

    @Test
    void theTryingAMappingExample() {
        LeadMapping mapping = new MappingRegistry().register("example", """
                nulls: ["null", ""]
                fields:
                  email: [email, contact.email]
                  tags: { from: [tags], transform: [split-comma] }
                """);

        CanonicalLead lead = mapping.map(Map.of("Email", " Jordan@Example.com ", "tags", "a,b", "age", 27));

        assertThat(lead.contact().email()).isEqualTo("jordan@example.com");
        assertThat(lead.workflow().tags()).containsExactly("a", "b");
        assertThat(lead.custom()).isEqualTo(Map.of("age", 27));
        assertThatCode(() -> mapping.validate(lead)).doesNotThrowAnyException();
    }
}
