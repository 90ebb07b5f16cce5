package io.leadhub.security;

/**
 * A key the hub cannot start without is missing or unusable. Carries the operator's next step separately so
 * {@link KeyConfigurationFailureAnalyzer} can print it as Spring Boot's "Action", not buried in a stack trace.
 */
public class KeyConfigurationException extends IllegalStateException {

    private final String action;

    public KeyConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
