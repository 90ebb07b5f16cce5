package io.leadhub.intake;

/** Names of the exchange properties the pipeline steps hand to each other. */
public final class IntakeProperties {

    public static final String SOURCE = "hub.source";
    public static final String MAPPING = "hub.mapping";
    public static final String AUTH = "hub.auth";
    public static final String RESPOND = "hub.respond";
    /** The credential the caller presented; removed from the headers as soon as it is read. */
    public static final String CREDENTIAL = "hub.credential";
    public static final String CONTENT_TYPE = "hub.contentType";
    public static final String TENANT_ID = "hub.tenantId";
    /** The parsed request body as a JSON-shaped map. */
    public static final String PAYLOAD = "hub.payload";
    /** The payload as JSON text, stored as the lead's raw copy. */
    public static final String RAW_JSON = "hub.rawJson";
    public static final String LEAD = "hub.lead";
    public static final String RESULT = "hub.result";
    /** Id of the intake-inbox entry when the lead was parked instead of stored. */
    public static final String PARKED_ID = "hub.parkedId";

    private IntakeProperties() {
    }
}
