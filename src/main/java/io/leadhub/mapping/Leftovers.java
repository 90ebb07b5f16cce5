package io.leadhub.mapping;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What no rule consumed, under the original keys and with the original nesting: the "nothing is silently dropped"
 * rule. Values are kept exactly as sent (empty strings and empty objects included), because custom is the record
 * of what the source said, not a normalized copy.
 */
final class Leftovers {

    private Leftovers() {
    }

    static Map<String, Object> of(Map<String, ?> payload, Collection<List<String>> consumed) {
        Node root = new Node();
        consumed.forEach(root::add);
        return root.keep(payload);
    }

    /** A trie of consumed addresses; {@code whole} marks a key whose entire value was taken. */
    private static final class Node {
        private final Map<String, Node> children = new HashMap<>();
        private boolean whole;

        void add(List<String> address) {
            Node node = this;
            for (String key : address) {
                node = node.children.computeIfAbsent(key, k -> new Node());
            }
            node.whole = true;
        }

        Map<String, Object> keep(Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            map.forEach((rawKey, value) -> {
                String key = String.valueOf(rawKey);
                Node child = children.get(key);
                if (child == null) {
                    kept.put(key, value);
                } else if (!child.whole && value instanceof Map<?, ?> nested) {
                    // An object whose keys were all consumed disappears; one that arrived empty was never visited.
                    Map<String, Object> rest = child.keep(nested);
                    if (!rest.isEmpty()) {
                        kept.put(key, rest);
                    }
                }
            });
            return kept;
        }
    }
}
