package io.leadhub.intake;

import io.leadhub.http.HttpProblem;
import io.leadhub.mapping.LeadValidationException;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import io.leadhub.persistence.TransientDatabaseFailures;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one place intake failures become answers. Refusals ({@code HttpProblem}, invalid leads) are answered in
 * the source's dialect. A database hiccup is retried with back-off and, if it persists, the already validated
 * lead is parked in the intake inbox and answered 202: GoHighLevel sends each workflow webhook once, so a
 * lead lost to a transient error would be lost for good. Anything unexpected is a 500 without internals.
 */
@Component
public class IntakeErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "intake-errors";
    /** For the parking route itself: if even parking fails, the caller must hear 503, not loop back here. */
    public static final String PARKING_ID = "intake-parking-errors";

    private final IntakeErrorResponses responses;

    public IntakeErrorPolicy(IntakeErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(HttpProblem.class)
                    .handled(true)
                    .bean(responses, "refused")
                .end()
                .onException(LeadValidationException.class)
                    .handled(true)
                    .bean(responses, "invalidLead")
                .end()
                .onException(DataAccessException.class, SQLException.class)
                    .onWhen(exchange -> TransientDatabaseFailures.isTransient(
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class)))
                    .maximumRedeliveries(4)
                    .redeliveryDelay(100)
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.WARN)
                    .handled(true)
                    .to(IntakePipelineRoutes.PARK)
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .bean(responses, "unexpected")
                .end();

        routeConfiguration(PARKING_ID)
                .onException(Exception.class)
                    .handled(true)
                    .bean(responses, "unavailable")
                .end();
    }
}
