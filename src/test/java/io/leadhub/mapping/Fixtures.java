package io.leadhub.mapping;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.leadhub.intake.FormFields;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payload fixtures as the intake pipeline hands them to a mapping, and small mappings written inline. */
final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Map<String, Object> json(String fixture) {
        try (InputStream in = open(fixture)) {
            return JSON.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object written inline in a test. */
    static Map<String, Object> payload(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** application/x-www-form-urlencoded fields; a repeated key becomes a list, as a form parser would give it. */
    static Map<String, Object> form(String fixture) {
        String body;
        try (InputStream in = open(fixture)) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FormFields.decode(body, StandardCharsets.UTF_8);
    }

    /** The mapping files the hub ships, loaded the way the application loads them. */
    static MappingRegistry shipped() {
        return MappingRegistry.loadDirectory(Path.of("mappings"));
    }

    /** A one-off mapping from inline YAML. */
    static LeadMapping mapping(String yaml) {
        return new MappingRegistry().register("test", yaml);
    }

    private static InputStream open(String fixture) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + fixture);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + fixture);
        }
        return in;
    }
}
