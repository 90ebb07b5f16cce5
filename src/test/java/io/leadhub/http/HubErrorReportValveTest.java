package io.leadhub.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.connector.Request;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The status the valve answers with, for a request on a real, started Tomcat connector, paused as graceful
 * shutdown pauses it. The race this repairs (a request line read in the microseconds as the connector pauses)
 * cannot be aimed at over HTTP; TomcatErrorAnswersHttpTest covers what the valve writes.
 */
class HubErrorReportValveTest {

    private Tomcat tomcat;
    private Connector connector;

    @BeforeEach
    void startTomcat() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(System.getProperty("java.io.tmpdir"));
        tomcat.setPort(0);
        connector = tomcat.getConnector();
        tomcat.start();
    }

    @AfterEach
    void stopTomcat() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void whileTheConnectorRunsTomcatsStatusesStand() {
        Request request = connector.createRequest();

        assertThat(HubErrorReportValve.answerStatus(request, 400)).isEqualTo(400);
        assertThat(HubErrorReportValve.answerStatus(request, 501)).isEqualTo(501);
    }

    /** Paused for shutdown, Tomcat's 503 for an unread request comes out as a 400 (no Host header was read). */
    @Test
    void aFourHundredWhileTheConnectorIsPausedIsTheRetryable503TomcatMeant() {
        connector.pause();
        Request request = connector.createRequest();

        assertThat(HubErrorReportValve.answerStatus(request, 400)).isEqualTo(503);
        assertThat(HubErrorReportValve.answerStatus(request, 501)).isEqualTo(501);
    }
}
