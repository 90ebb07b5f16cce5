package io.leadhub.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed payload seen through the key-matching rules: finds every value a source path names, together with the
 * original keys that lead to it (its address), which is what "consumed" is recorded against.
 */
final class PayloadPaths {

    /** One value a path names, and the original keys from the root to it. */
    record Match(Object value, List<String> address) {
    }

    /**
     * A normalized source path, taken apart once when its mapping file is read: the whole path, and each way to
     * read it as a key followed by the rest of the path, longest key first. Finding it in a payload then cuts and
     * hashes no strings; every source path of every rule is looked up for every request.
     */
    record SourcePath(String whole, List<Step> steps) {

        static SourcePath of(String normalizedPath) {
            return of(normalizedPath, new HashMap<>());
        }

        /**
         * Each suffix is built once and shared by every step that ends in it ("a.b.c" and its step "a" + "b.c"
         * both reach "c"). Not a nicety: without it a path of n keys would build 2^n steps at start-up.
         */
        private static SourcePath of(String path, Map<String, SourcePath> compiled) {
            SourcePath known = compiled.get(path);
            if (known != null) {
                return known;
            }
            List<Step> steps = new ArrayList<>();
            for (int dot = path.lastIndexOf('.'); dot >= 0; dot = path.lastIndexOf('.', dot - 1)) {
                steps.add(new Step(path.substring(0, dot), of(path.substring(dot + 1), compiled)));
            }
            SourcePath sourcePath = new SourcePath(path, List.copyOf(steps));
            compiled.put(path, sourcePath);
            return sourcePath;
        }
    }

    /** A key that a path may start with, and the path under it. */
    record Step(String key, SourcePath rest) {
    }

    /** A payload key as sent, and its value. */
    private record Key(String original, Object value) {
    }

    private final Map<String, ?> root;
    private final String separator;
    /**
     * Per map of the payload, its keys grouped by normalized name (in payload order within a name), built once per
     * request: a lookup is then one probe per level of the path instead of a walk over every key.
     */
    private final Map<Map<?, ?>, Map<String, List<Key>>> keysByMap = new IdentityHashMap<>();

    PayloadPaths(Map<String, ?> root, String separator) {
        this.root = root;
        this.separator = separator;
    }

    /**
     * All matches of a source path, best first. At each level a key equal to the whole remaining path comes
     * before keys that are a prefix of it, so a literal top-level key containing dots ({@code "utm.source"}) wins
     * over a nested {@code utm: {source}}; among prefixes the longest goes first. Arrays are not descended into.
     */
    List<Match> find(SourcePath path) {
        List<Match> matches = collect(root, path, List.of(), null);
        return matches == null ? List.of() : matches;
    }

    /** Adds the matches under this map to {@code matches}, made when the first is found; returns it. */
    private List<Match> collect(Map<?, ?> map, SourcePath path, List<String> address, List<Match> matches) {
        Map<String, List<Key>> keys = keysOf(map);
        List<Key> exact = keys.get(path.whole());
        if (exact != null) {
            for (Key key : exact) {
                if (matches == null) {
                    matches = new ArrayList<>(2);
                }
                matches.add(new Match(key.value(), append(address, key.original())));
            }
        }
        for (Step step : path.steps()) {
            List<Key> prefixes = keys.get(step.key());
            if (prefixes != null) {
                for (Key key : prefixes) {
                    if (key.value() instanceof Map<?, ?> nested) {
                        matches = collect(nested, step.rest(), append(address, key.original()), matches);
                    }
                }
            }
        }
        return matches;
    }

    private Map<String, List<Key>> keysOf(Map<?, ?> map) {
        return keysByMap.computeIfAbsent(map, m -> {
            Map<String, List<Key>> keys = new HashMap<>();
            m.forEach((k, v) -> {
                String original = String.valueOf(k);
                keys.computeIfAbsent(KeyNames.normalize(original, separator), name -> new ArrayList<>(1))
                        .add(new Key(original, v));
            });
            return keys;
        });
    }

    private static List<String> append(List<String> address, String key) {
        String[] longer = address.toArray(new String[address.size() + 1]);
        longer[address.size()] = key;
        return List.of(longer);
    }

    /**
     * The payload with flattened keys turned back into nesting, for JSONata, whose paths are exact: an expression
     * on a Zapier payload should say {@code utm.source}, whether Zapier sent {@code utm__source} or an object.
     * A flattened key that collides with a scalar is left flat rather than lost.
     */
    static Map<String, Object> unflatten(Map<?, ?> map, String separator) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((rawKey, rawValue) -> {
            String key = String.valueOf(rawKey);
            Object value = rawValue instanceof Map<?, ?> nested ? unflatten(nested, separator) : rawValue;
            if (!put(out, List.of(key.split(Pattern.quote(separator), -1)), value)) {
                out.putIfAbsent(key, value);
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean put(Map<String, Object> into, List<String> path, Object value) {
        String head = path.get(0);
        Object existing = into.get(head);
        if (path.size() == 1) {
            if (existing instanceof Map<?, ?> existingMap && value instanceof Map<?, ?> valueMap) {
                Map<String, Object> merged = (Map<String, Object>) existingMap;
                ((Map<String, Object>) valueMap).forEach((k, v) -> put(merged, List.of(k), v));
                return true;
            }
            return existing == null && into.putIfAbsent(head, value) == null;
        }
        if (existing == null) {
            existing = new LinkedHashMap<String, Object>();
            into.put(head, existing);
        }
        return existing instanceof Map<?, ?> next
                && put((Map<String, Object>) next, path.subList(1, path.size()), value);
    }
}
