package io.leadhub.canonical;

/** Consent evidence: the TrustedForm certificate and the submitter's network identity. */
public record Compliance(String trustedFormUrl, String ipAddress, String userAgent) {

    public static final Compliance EMPTY = new Compliance(null, null, null);
}
