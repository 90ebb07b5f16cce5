package io.leadhub.intake;

/**
 * A source route file gives the {@code lead-source} template a parameter it cannot use. Its own type so
 * {@link SourceConfigurationFailureAnalyzer} can report it at start-up instead of a stack trace.
 */
public class SourceConfigurationException extends IllegalArgumentException {

    public SourceConfigurationException(String message) {
        super(message);
    }
}
