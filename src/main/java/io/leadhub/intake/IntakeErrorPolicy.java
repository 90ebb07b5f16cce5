package io.leadhub.intake;

import io.leadhub.http.HttpProblem;
import io.leadhub.mapping.LeadValidationException;
import io.leadhub.persistence.TransientDatabaseFailures;
import java.sql.SQLException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The one place intake failures become answers. Refusals ({@code HttpProblem}, invalid leads) are answered in
 * the source's dialect. A database hiccup is retried with back-off and, if it persists, the already validated
 * lead is parked in the intake inbox and answered 202: GoHighLevel sends each workflow webhook once, so a
 * lead lost to a transient error would be lost for good. Anything unexpected is a 500 without internals.
 *
 * <p>Retrying is confined to {@link #DATABASE_ID}, the configuration of the small routes that wrap the steps
 * which use the database (authenticate, persist). Camel copies the exchange before every step of a route whose
 * error handler may redeliver, so that a redelivery starts from the step's input; giving every step of the
 * pipeline that ability cost a copy per step per lead for two steps that can use it. Every answer ends the
 * exchange ({@code stop}), so a failure answered in a wrapped step does not return to the pipeline and run on.
 */
@Component
public class IntakeErrorPolicy extends RouteConfigurationBuilder {

    /** For the source routes and the pipeline: answers without retrying. */
    public static final String ID = "intake-errors";
    /** For the routes around a step that uses the database: the same answers, transient failures retried first. */
    public static final String DATABASE_ID = "intake-database-errors";
    /** For the parking route itself: if even parking fails, the caller must hear 503, not loop back here. */
    public static final String PARKING_ID = "intake-parking-errors";

    private static final Predicate TRANSIENT = exchange -> TransientDatabaseFailures.isTransient(
            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));

    private final IntakeErrorResponses responses;

    public IntakeErrorPolicy(IntakeErrorResponses responses) {
        this.responses = responses;
    }

    @Override
    public void configuration() {
        RouteConfigurationDefinition pipeline = routeConfiguration(ID);
        answerRefusalsAndBugs(pipeline);
        databaseFailure(pipeline).handled(true).to(IntakePipelineRoutes.PARK).stop();

        RouteConfigurationDefinition database = routeConfiguration(DATABASE_ID);
        answerRefusalsAndBugs(database);
        databaseFailure(database)
                .maximumRedeliveries(4)
                .redeliveryDelay(100)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .handled(true)
                .to(IntakePipelineRoutes.PARK)
                .stop();

        routeConfiguration(PARKING_ID)
                .onException(Exception.class)
                    .handled(true)
                    .bean(responses, "unavailable")
                    .stop();
    }

    private void answerRefusalsAndBugs(RouteConfigurationDefinition configuration) {
        configuration.onException(HttpProblem.class).handled(true).bean(responses, "refused").stop();
        configuration.onException(LeadValidationException.class).handled(true).bean(responses, "invalidLead").stop();
        configuration.onException(Exception.class).handled(true).bean(responses, "unexpected").stop();
    }

    private static OnExceptionDefinition databaseFailure(RouteConfigurationDefinition configuration) {
        return configuration.onException(DataAccessException.class, SQLException.class).onWhen(TRANSIENT);
    }
}
