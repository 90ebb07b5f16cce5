package io.leadhub.intake.respond;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every responder bean, by the name route files refer to it with. */
@Component
public class IntakeResponders {

    public static final String DEFAULT = "hub";

    private final Map<String, IntakeResponder> byName;

    public IntakeResponders(List<IntakeResponder> responders) {
        this.byName = responders.stream().collect(Collectors.toMap(IntakeResponder::name, Function.identity()));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    public Set<String> names() {
        return new TreeSet<>(byName.keySet());
    }

    /** The named responder; the hub's own when the name is missing (errors raised before routing). */
    public IntakeResponder get(String name) {
        return byName.getOrDefault(name == null ? DEFAULT : name, byName.get(DEFAULT));
    }
}
