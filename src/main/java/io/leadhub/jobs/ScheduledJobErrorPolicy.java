package io.leadhub.jobs;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * How a scheduled job run that fails is reported: one WARN line naming the job and the cause, then the next run
 * tries again. Camel's default would log an ERROR with a full stack trace on every tick, which buries the logs
 * whenever the database is away for a while. Jobs keep their own retry bookkeeping in their tables.
 */
@Component
public class ScheduledJobErrorPolicy extends RouteConfigurationBuilder {

    public static final String ID = "job-errors";

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(Exception.class)
                    .handled(true)
                    .log(LoggingLevel.WARN, "io.leadhub.jobs", "Scheduled job ${routeId} failed, next run retries: ${exception.message}")
                .end();
    }
}
