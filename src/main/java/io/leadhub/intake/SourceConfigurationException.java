package io.leadhub.intake;

/**
 * A route file the hub cannot run as written: it gives the {@code lead-source} template a parameter it cannot use, or
 * declares a route id another route already has. Its own type so {@link SourceConfigurationFailureAnalyzer} can
 * report it at start-up instead of a stack trace.
 */
public class SourceConfigurationException extends IllegalArgumentException {

    public SourceConfigurationException(String message) {
        super(message);
    }
}
