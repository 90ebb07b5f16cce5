package io.leadhub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingRegistryTest {

    private static final String VALID = "fields: { email: [email] }";

    @TempDir
    Path dir;

    @Test
    void loadsYamlAndYmlFilesNamedAfterTheFile() throws IOException {
        Files.writeString(dir.resolve("ghl.yaml"), VALID);
        Files.writeString(dir.resolve("zapier.yml"), VALID);
        Files.writeString(dir.resolve("README.md"), "not a mapping");
        Files.writeString(dir.resolve(".draft.yaml"), "fields: { nonsense: [x] }");
        Files.createDirectories(dir.resolve("old.yaml"));

        MappingRegistry registry = MappingRegistry.loadDirectory(dir);

        assertThat(registry.names()).containsExactly("ghl", "zapier");
        assertThat(registry.contains("ghl")).isTrue();
        assertThat(registry.contains("README")).isFalse();
        assertThat(registry.get("zapier").name()).isEqualTo("zapier");
    }

    @Test
    void theFirstBrokenFileInNameOrderStopsLoading() throws IOException {
        Files.writeString(dir.resolve("a-good.yaml"), VALID);
        Files.writeString(dir.resolve("b-broken.yaml"), "fields: { emial: [email] }");
        Files.writeString(dir.resolve("c-broken.yaml"), "fields: [");

        MappingFileException e = catchThrowableOfType(MappingFileException.class,
                () -> MappingRegistry.loadDirectory(dir));

        assertThat(e.file()).isEqualTo(dir.resolve("b-broken.yaml").toString());
        assertThat(e.problem()).isEqualTo("unknown canonical field 'emial' (did you mean email?)");
    }

    @Test
    void twoFilesForOneNameAreRefused() throws IOException {
        Files.writeString(dir.resolve("ghl.yaml"), VALID);
        Files.writeString(dir.resolve("ghl.yml"), VALID);

        assertThatThrownBy(() -> MappingRegistry.loadDirectory(dir))
                .isInstanceOf(MappingFileException.class)
                .hasMessage(dir.resolve("ghl.yml") + ": a mapping named 'ghl' was already loaded from another file;"
                        + " keep one of ghl.yaml / ghl.yml");
    }

    @Test
    void aMissingDirectoryIsAMappingFileProblem() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> MappingRegistry.loadDirectory(missing))
                .isInstanceOf(MappingFileException.class)
                .hasMessage(missing + ": not a directory of mapping files");
    }

    @Test
    void unknownMappingsAreNamed() {
        MappingRegistry registry = new MappingRegistry();
        registry.register("ghl", VALID);

        UnknownMappingException e = catchThrowableOfType(UnknownMappingException.class, () -> registry.get("gh1"));

        assertThat(e).isInstanceOf(IllegalArgumentException.class);
        assertThat(e.name()).isEqualTo("gh1");
        assertThat(e.getMessage()).isEqualTo("Unknown mapping 'gh1' (did you mean ghl?); known mappings: ghl");
    }

    @Test
    void registerAddsAndReplaces() {
        MappingRegistry registry = new MappingRegistry();
        registry.register("web", VALID);

        LeadMapping replaced = registry.register("web", "fields: { email: [mail] }");

        assertThat(registry.get("web")).isSameAs(replaced);
        assertThat(registry.get("web").map(Map.of("mail", "a@example.com")).contact().email())
                .isEqualTo("a@example.com");
    }

    @Test
    void aBrokenRegistrationLeavesTheRegistryAsItWas() {
        MappingRegistry registry = new MappingRegistry();
        LeadMapping original = registry.register("web", VALID);

        assertThatThrownBy(() -> registry.register("web", "fields: { emial: [email] }"))
                .isInstanceOf(MappingFileException.class);

        assertThat(registry.get("web")).isSameAs(original);
    }

    @Test
    void namesAreASortedSnapshot() {
        MappingRegistry registry = new MappingRegistry();
        registry.register("zapier", VALID);
        registry.register("ghl", VALID);

        assertThat(registry.names()).containsExactly("ghl", "zapier");
        assertThatThrownBy(() -> registry.names().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
