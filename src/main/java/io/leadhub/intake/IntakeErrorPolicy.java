package io.leadhub.intake;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;

/**
 * The one place intake failures become answers. Refusals ({@code HttpProblem}, invalid leads) are answered in
 * the source's dialect; a database hiccup is retried before giving up, because GoHighLevel sends each
 * workflow webhook once and a lead lost to a transient error is lost for good; anything unexpected is a 500
 * without internals.
 */
@Component
public class IntakeErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "intake-errors";

    private final IntakeErrorResponses responses;

    public IntakeErrorPolicy(IntakeErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(io.leadhub.http.HttpProblem.class)
                    .handled(true)
                    .bean(responses, "refused")
                .end()
                .onException(io.leadhub.mapping.LeadValidationException.class)
                    .handled(true)
                    .bean(responses, "invalidLead")
                .end()
                .onException(TransientDataAccessException.class, RecoverableDataAccessException.class,
                        CannotGetJdbcConnectionException.class, QueryTimeoutException.class)
                    .maximumRedeliveries(4)
                    .redeliveryDelay(100)
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                    .handled(true)
                    .bean(responses, "unavailable")
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .bean(responses, "unexpected")
                .end();
    }
}
