package io.leadhub.mapping;

import java.util.ArrayList;
import java.util.Comparator;
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

    private record Branch(String key, String normalized, Map<?, ?> map) {
    }

    /** A payload key with its normalized form, computed once per map per request rather than once per lookup. */
    private record Key(String original, String normalized, Object value) {
    }

    private final Map<String, ?> root;
    private final String separator;
    private final Map<Map<?, ?>, List<Key>> keysByMap = new IdentityHashMap<>();

    PayloadPaths(Map<String, ?> root, String separator) {
        this.root = root;
        this.separator = separator;
    }

    /**
     * All matches of a normalized path, best first. At each level a key equal to the whole remaining path comes
     * before keys that are a prefix of it, so a literal top-level key containing dots ({@code "utm.source"}) wins
     * over a nested {@code utm: {source}}; among prefixes the longest goes first. Arrays are not descended into.
     */
    List<Match> find(String normalizedPath) {
        List<Match> matches = new ArrayList<>();
        collect(root, normalizedPath, List.of(), matches);
        return matches;
    }

    private void collect(Map<?, ?> map, String path, List<String> address, List<Match> matches) {
        List<Branch> branches = new ArrayList<>();
        for (Key key : keysOf(map)) {
            String normalized = key.normalized();
            if (normalized.equals(path)) {
                matches.add(new Match(key.value(), append(address, key.original())));
            } else if (key.value() instanceof Map<?, ?> nested && path.length() > normalized.length()
                    && path.charAt(normalized.length()) == '.' && path.startsWith(normalized)) {
                branches.add(new Branch(key.original(), normalized, nested));
            }
        }
        branches.sort(Comparator.comparingInt((Branch branch) -> branch.normalized().length()).reversed());
        for (Branch branch : branches) {
            collect(branch.map(), path.substring(branch.normalized().length() + 1), append(address, branch.key()),
                    matches);
        }
    }

    private List<Key> keysOf(Map<?, ?> map) {
        return keysByMap.computeIfAbsent(map, m -> {
            List<Key> keys = new ArrayList<>(m.size());
            m.forEach((k, v) -> {
                String original = String.valueOf(k);
                keys.add(new Key(original, KeyNames.normalize(original, separator), v));
            });
            return keys;
        });
    }

    private static List<String> append(List<String> address, String key) {
        List<String> longer = new ArrayList<>(address);
        longer.add(key);
        return List.copyOf(longer);
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
