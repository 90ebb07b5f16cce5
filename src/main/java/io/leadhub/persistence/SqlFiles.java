package io.leadhub.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads named SQL statements from src/main/resources/sql/ once, at start-up. */
public final class SqlFiles {

    private SqlFiles() {
    }

    public static String load(String name) {
        String path = "sql/" + name;
        try (InputStream in = SqlFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read SQL resource " + path, e);
        }
    }
}
