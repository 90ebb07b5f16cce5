package io.leadhub.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/adding-a-source.md, read the way a test needs it: the fenced code block right after a marker comment such as
 * {@code <!-- file: routes/acme-forms.yaml -->}. Tests run these blocks rather than copies, so the guide cannot drift.
 */
final class SourceGuide {

    static final Path PATH = Path.of("docs", "adding-a-source.md");

    private static final Pattern CURL_PATH = Pattern.compile("localhost:8080(/\\S+)");
    private static final Pattern CURL_BODY = Pattern.compile("-d '([^']*)'");

    private final String text;

    private SourceGuide(String text) {
        this.text = text;
    }

    static SourceGuide read() {
        try {
            return new SourceGuide(Files.readString(PATH));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String block(String marker) {
        Matcher block = Pattern.compile("<!-- " + Pattern.quote(marker) + " -->\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL)
                .matcher(text);
        if (!block.find()) {
            throw new AssertionError(PATH + " has no code block right after <!-- " + marker + " -->");
        }
        String content = block.group(1);
        if (block.find()) {
            throw new AssertionError(PATH + " marks two code blocks with <!-- " + marker + " -->");
        }
        return content;
    }

    /** The path and the {@code -d '…'} body of the curl command in the marked block. */
    CurlPost curlPost(String marker) {
        String command = block(marker);
        return new CurlPost(only(CURL_PATH, command, marker), only(CURL_BODY, command, marker));
    }

    private static String only(Pattern pattern, String command, String marker) {
        Matcher matcher = pattern.matcher(command);
        if (!matcher.find()) {
            throw new AssertionError("the curl command marked " + marker + " has no match for " + pattern);
        }
        return matcher.group(1);
    }

    record CurlPost(String path, String body) {
    }
}
