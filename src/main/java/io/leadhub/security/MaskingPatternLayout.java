package io.leadhub.security;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log layout: every formatted line, stack traces included, passes through {@link PersonalDataMasker}, so no
 * logger anywhere (ours, Camel's, the JDBC driver's) can write a lead's email or phone number in clear.
 */
public class MaskingPatternLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return PersonalDataMasker.mask(super.doLayout(event));
    }
}
