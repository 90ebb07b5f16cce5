package io.leadhub.mapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The loaded mapping files, by name. A plain class so it can be built and tested without Spring; the application's
 * configuration builds it from the mappings directory at startup and the startup fails on the first broken file.
 */
public final class MappingRegistry {

    private final Map<String, LeadMapping> mappings = new ConcurrentHashMap<>();

    public MappingRegistry() {
    }

    /**
     * Loads every {@code *.yaml} / {@code *.yml} file in the directory (not subdirectories, not hidden files); the
     * mapping's name is the file name without extension. Files are read in name order, so "the first broken file"
     * is the same on every machine.
     *
     * @throws MappingFileException for the first file that cannot be used, or a directory that cannot be read
     */
    public static MappingRegistry loadDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MappingFileException(dir.toString(), "not a directory of mapping files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(MappingRegistry::isMappingFile).sorted().toList();
        } catch (IOException e) {
            throw new MappingFileException(dir.toString(), "cannot list the directory: " + e.getMessage(), e);
        }
        MappingRegistry registry = new MappingRegistry();
        for (Path file : files) {
            String name = baseName(file);
            if (registry.contains(name)) {
                throw new MappingFileException(file.toString(), "a mapping named '" + name
                        + "' was already loaded from another file; keep one of " + name + ".yaml / " + name + ".yml");
            }
            registry.mappings.put(name, MappingFileReader.read(name, file.toString(), read(file)));
        }
        return registry;
    }

    /** @throws UnknownMappingException naming the mapping and the ones that exist */
    public LeadMapping get(String name) {
        LeadMapping mapping = mappings.get(name);
        if (mapping == null) {
            throw new UnknownMappingException(name, names());
        }
        return mapping;
    }

    public boolean contains(String name) {
        return mappings.containsKey(name);
    }

    /** The names, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(mappings.keySet()));
    }

    /**
     * Parses, validates and adds (or replaces) a mapping from YAML text; errors name the mapping in place of a file.
     *
     * @throws MappingFileException when the text is not a usable mapping; the registry is then unchanged
     */
    public LeadMapping register(String name, String yamlText) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mapping needs a name");
        }
        FileMapping mapping = MappingFileReader.read(name, name, yamlText);
        mappings.put(name, mapping);
        return mapping;
    }

    private static boolean isMappingFile(Path path) {
        String fileName = path.getFileName().toString();
        return !fileName.startsWith(".") && (fileName.endsWith(".yaml") || fileName.endsWith(".yml"))
                && Files.isRegularFile(path);
    }

    private static String baseName(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MappingFileException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }
}
