package io.leadhub.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Route and mapping files for a hub started with sources beyond the shipped ones. The shipped route files stay in
 * the include pattern; the mappings directory starts as a copy of the shipped mapping files, because
 * {@code hub.mappings-dir} names a single directory and the shipped routes need their mappings.
 */
final class ExtraSources {

    private final Path routes;
    private final Path mappings;

    private ExtraSources(Path routes, Path mappings) {
        this.routes = routes;
        this.mappings = mappings;
    }

    static ExtraSources in(Path dir) {
        ExtraSources sources = new ExtraSources(dir.resolve("routes"), dir.resolve("mappings"));
        try (Stream<Path> shipped = Files.list(Path.of("mappings"))) {
            Files.createDirectories(sources.routes);
            Files.createDirectories(sources.mappings);
            for (Path mapping : shipped.toList()) {
                Files.copy(mapping, sources.mappings.resolve(mapping.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    ExtraSources route(String fileName, String yaml) {
        return write(routes.resolve(fileName), yaml);
    }

    ExtraSources mapping(String fileName, String yaml) {
        return write(mappings.resolve(fileName), yaml);
    }

    String routesIncludePattern() {
        return "file:routes/*.yaml,file:" + routes.toAbsolutePath() + "/*.yaml";
    }

    String mappingsDir() {
        return mappings.toAbsolutePath().toString();
    }

    /** As command-line arguments: they outrank application.yml, which SpringApplicationBuilder.properties does not. */
    String[] arguments() {
        return new String[] {
                "--camel.main.routes-include-pattern=" + routesIncludePattern(),
                "--hub.mappings-dir=" + mappingsDir()};
    }

    private ExtraSources write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
