package io.leadhub.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of mapping one payload: where its keys are, which were consumed, and the expression input. */
final class MappingRun {

    private final Map<String, Object> payload;
    private final Settings settings;
    private final PayloadPaths paths;
    private final Set<List<String>> consumed = new LinkedHashSet<>();
    private Map<String, Object> expressionInput;

    MappingRun(Map<String, Object> payload, Settings settings) {
        this.payload = payload;
        this.settings = settings;
        this.paths = new PayloadPaths(payload, settings.flatten());
    }

    Settings settings() {
        return settings;
    }

    List<PayloadPaths.Match> find(PayloadPaths.SourcePath path) {
        return paths.find(path);
    }

    void consume(List<String> address) {
        consumed.add(address);
    }

    Map<String, Object> leftovers() {
        return Leftovers.of(payload, consumed);
    }

    /** Built once, and only for mappings that have expressions. */
    Map<String, Object> expressionInput() {
        if (expressionInput == null) {
            String separator = settings.flatten();
            expressionInput = separator == null ? payload : PayloadPaths.unflatten(payload, separator);
        }
        return expressionInput;
    }
}
