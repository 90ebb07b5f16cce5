package io.leadhub.mapping;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and fully checks one mapping file: every target, transform, constant, default and expression is resolved
 * here, so a mapping that loads cannot fail later because of its own text. Every problem names the file.
 */
final class MappingFileReader {

    /** Duplicate keys would otherwise silently keep the last rule for a field. */
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<String> SETTINGS =
            List.of("description", "nulls", "flatten", "defaultRegion", "fields", "required");
    private static final List<String> RULE_KEYS = List.of("from", "expression", "constant", "default", "transform");

    private final String file;

    private MappingFileReader(String file) {
        this.file = file;
    }

    /** @param file how errors name the source: the file path, or the mapping name for registered text */
    static FileMapping read(String name, String file, String yamlText) {
        return new MappingFileReader(file).read(name, yamlText);
    }

    private FileMapping read(String name, String yamlText) {
        JsonNode root = parse(yamlText);
        for (String key : names(root)) {
            if (!SETTINGS.contains(key)) {
                throw fail("unknown setting '" + key + "'" + (isTarget(key)
                        ? " (canonical fields belong under 'fields:')" : Suggestions.didYouMean(key, SETTINGS)));
            }
        }
        Settings settings = new Settings(nulls(root.get("nulls")), flatten(root.get("flatten")),
                region(root.get("defaultRegion")));
        String description = root.hasNonNull("description") ? text(root.get("description"), "description") : null;
        return new FileMapping(name, description, settings, rules(root.get("fields"), settings),
                required(root.get("required")));
    }

    private JsonNode parse(String yamlText) {
        JsonNode root;
        try {
            root = YAML.readTree(yamlText == null ? "" : yamlText);
        } catch (JsonProcessingException e) {
            throw fail("not valid YAML" + at(e.getLocation()) + ": " + firstSentences(e.getOriginalMessage()), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw fail("the file is empty; a mapping needs at least a 'fields:' section");
        }
        if (!root.isObject()) {
            throw fail("expected settings and a 'fields:' section, found " + describe(root));
        }
        return root;
    }

    private NullValues nulls(JsonNode node) {
        if (node == null) {
            return NullValues.EMPTY_ONLY;
        }
        return NullValues.of(list(node, "nulls", element -> {
            if (element.isNull()) {
                throw fail("nulls: a bare null in YAML is not text; write \"null\" in quotes");
            }
            return scalar(element, "nulls");
        }));
    }

    private String flatten(JsonNode node) {
        if (node == null) {
            return null;
        }
        String separator = text(node, "flatten");
        if (separator.isEmpty()) {
            throw fail("flatten: the separator must not be empty, e.g. flatten: \"__\"");
        }
        return separator;
    }

    private String region(JsonNode node) {
        if (node == null) {
            return "US";
        }
        String region = text(node, "defaultRegion").toUpperCase(Locale.ROOT);
        if (!Phones.regions().contains(region)) {
            throw fail("defaultRegion '" + node.asText() + "' is not a region code libphonenumber knows"
                    + " (two letters such as US, GB, MY)");
        }
        return region;
    }

    private List<FieldRule> rules(JsonNode fields, Settings settings) {
        if (fields == null || fields.isNull()) {
            throw fail("no 'fields:' section; it maps canonical fields to source keys, e.g. email: [email]");
        }
        if (!fields.isObject()) {
            throw fail("'fields' must map canonical fields to source keys, found " + describe(fields));
        }
        List<FieldRule> rules = new ArrayList<>();
        Map<Target, String> seen = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Target target = target(entry.getKey());
            String earlier = seen.putIfAbsent(target, entry.getKey());
            if (earlier != null) {
                throw fail("fields '" + earlier + "' and '" + entry.getKey() + "' both set " + target.displayName()
                        + "; list all source keys in one rule");
            }
            rules.add(rule(entry.getKey(), target, entry.getValue(), settings));
        }
        return rules;
    }

    private FieldRule rule(String written, Target target, JsonNode spec, Settings settings) {
        String where = "field " + written;
        if (spec.isArray()) {
            return checked(new FieldRule(written, target, paths(spec, written, settings), List.of(), null), settings);
        }
        if (!spec.isObject()) {
            throw fail(where + ": expected a list of source keys such as [" + target.displayName() + "] or"
                    + " { from | constant | expression, transform, default }, found " + describe(spec));
        }
        for (String key : names(spec)) {
            if (!RULE_KEYS.contains(key)) {
                throw fail(where + ": unknown key '" + key + "'" + Suggestions.didYouMean(key, RULE_KEYS)
                        + "; a rule may have " + String.join(", ", RULE_KEYS));
            }
        }
        List<String> sources = List.of("from", "constant", "expression").stream().filter(spec::has).toList();
        if (sources.size() != 1) {
            throw fail(where + ": give exactly one of from, constant or expression"
                    + (sources.isEmpty() ? "" : " (found " + String.join(" and ", sources) + ")"));
        }
        if (spec.has("constant") && spec.has("default")) {
            throw fail(where + ": a constant never needs a default");
        }
        ValueSource source = switch (sources.get(0)) {
            case "from" -> {
                if (!spec.get("from").isArray()) {
                    throw fail(where + ": 'from' must be a list of source keys, e.g. from: ["
                            + spec.get("from").asText() + "]");
                }
                yield paths(spec.get("from"), written, settings);
            }
            case "constant" -> new ValueSource.Constant(plain(spec.get("constant")));
            default -> expression(spec.get("expression"), where);
        };
        List<Transform> transforms = spec.has("transform")
                ? list(spec.get("transform"), where + ": transform", element -> transform(element, where, settings))
                : List.of();
        Object defaultValue = spec.hasNonNull("default") ? plain(spec.get("default")) : null;
        return checked(new FieldRule(written, target, source, transforms, defaultValue), settings);
    }

    /** Constants and defaults are converted once now, so a price of "abc" fails at startup. */
    private FieldRule checked(FieldRule rule, Settings settings) {
        String where = "field " + rule.written();
        try {
            if (rule.source() instanceof ValueSource.Constant constant) {
                rule.convert(constant.value(), settings);
            }
        } catch (ValueException e) {
            throw fail(where + ": constant " + plainText(((ValueSource.Constant) rule.source()).value())
                    + " cannot be used: " + e.getMessage());
        }
        try {
            if (rule.defaultValue() != null) {
                rule.target().kind().coerce(rule.defaultValue(), settings);
            }
        } catch (ValueException e) {
            throw fail(where + ": default " + plainText(rule.defaultValue()) + " cannot be used: " + e.getMessage());
        }
        return rule;
    }

    private ValueSource.Paths paths(JsonNode node, String field, Settings settings) {
        String where = "field " + field;
        List<String> written = list(node, where, element -> {
            if (element.isBoolean()) {
                throw fail(where + ": source key " + element.asText() + " is read by YAML as a yes/no value;"
                        + " quote it");
            }
            String path = scalar(element, where);
            if (path.isBlank()) {
                throw fail(where + ": empty source key");
            }
            return path;
        });
        if (written.isEmpty()) {
            throw fail(where + ": no source keys; list at least one, e.g. [" + field + "]");
        }
        return new ValueSource.Paths(written,
                written.stream().map(path -> PayloadPaths.SourcePath.of(KeyNames.normalize(path, settings.flatten())))
                        .toList());
    }

    private ValueSource.Expression expression(JsonNode node, String where) {
        String text = text(node, where + ": expression");
        try {
            return new ValueSource.Expression(text, Jsonata.jsonata(text));
        } catch (RuntimeException e) {
            throw fail(where + ": invalid JSONata expression '" + text + "': " + e.getMessage(), e);
        }
    }

    private Transform transform(JsonNode node, String where, Settings settings) {
        try {
            return Transform.parse(scalar(node, where + ": transform"), settings);
        } catch (IllegalArgumentException e) {
            throw fail(where + ": " + e.getMessage());
        }
    }

    private List<Target> required(JsonNode node) {
        return node == null ? List.of() : list(node, "required", element -> target(scalar(element, "required")));
    }

    private Target target(String written) {
        try {
            return Target.parse(written);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    private static boolean isTarget(String key) {
        try {
            Target.parse(key);
            return !key.startsWith("custom.") && !key.startsWith("status.");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private <T> List<T> list(JsonNode node, String where, Function<JsonNode, T> element) {
        if (!node.isArray()) {
            throw fail(where + " must be a list, e.g. [a, b], found " + describe(node));
        }
        List<T> out = new ArrayList<>();
        node.forEach(item -> out.add(element.apply(item)));
        return out;
    }

    private String scalar(JsonNode node, String where) {
        if (!node.isValueNode() || node.isNull()) {
            throw fail(where + ": expected text, found " + describe(node));
        }
        return node.asText();
    }

    private String text(JsonNode node, String where) {
        if (!node.isTextual()) {
            throw fail(where + ": expected text, found " + describe(node));
        }
        return node.asText();
    }

    private static Object plain(JsonNode node) {
        return YAML.convertValue(node, Object.class);
    }

    private static String plainText(Object value) {
        return value instanceof String text ? "'" + text + "'" : String.valueOf(value);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String describe(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        return node.isNull() ? "nothing" : "'" + node.asText() + "'";
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** SnakeYAML's messages quote the source with carets over several lines; keep only the sentences. */
    private static String firstSentences(String message) {
        return Arrays.stream(String.valueOf(message).split("\\R"))
                .filter(line -> !line.isBlank() && !Character.isWhitespace(line.charAt(0)))
                .collect(Collectors.joining("; "));
    }

    private MappingFileException fail(String problem) {
        return new MappingFileException(file, problem);
    }

    private MappingFileException fail(String problem, Throwable cause) {
        return new MappingFileException(file, problem, cause);
    }
}
