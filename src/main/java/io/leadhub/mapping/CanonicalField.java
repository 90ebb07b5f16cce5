package io.leadhub.mapping;

import io.leadhub.canonical.CanonicalLead;
import java.util.function.Function;

/**
 * Every canonical leaf a mapping can fill, by its path in the lead's JSON. The leaf name (after the last dot) is
 * unique, so it doubles as a short alias. {@code contact.phoneOriginal} is missing on purpose: it is always what
 * the rule for {@code phone} read, so it cannot disagree with the phone. Statuses and custom are keyed targets
 * ({@link Target.Status}, {@link Target.Custom}).
 */
enum CanonicalField {
    EXTERNAL_ID("externalId", ValueKind.TEXT, CanonicalLead::externalId),
    FIRST_NAME("contact.firstName", ValueKind.TEXT, lead -> lead.contact().firstName()),
    LAST_NAME("contact.lastName", ValueKind.TEXT, lead -> lead.contact().lastName()),
    FULL_NAME("contact.fullName", ValueKind.TEXT, lead -> lead.contact().fullName()),
    EMAIL("contact.email", ValueKind.EMAIL, lead -> lead.contact().email()),
    PHONE("contact.phone", ValueKind.PHONE, lead -> lead.contact().phone()),
    PHONE_TYPE("contact.phoneType", ValueKind.TEXT, lead -> lead.contact().phoneType()),
    DATE_OF_BIRTH("dateOfBirth", ValueKind.DATE, CanonicalLead::dateOfBirth),
    GENDER("gender", ValueKind.TEXT, CanonicalLead::gender),
    LINE1("address.line1", ValueKind.TEXT, lead -> lead.address().line1()),
    LINE2("address.line2", ValueKind.TEXT, lead -> lead.address().line2()),
    CITY("address.city", ValueKind.TEXT, lead -> lead.address().city()),
    STATE("address.state", ValueKind.TEXT, lead -> lead.address().state()),
    POSTAL_CODE("address.postalCode", ValueKind.TEXT, lead -> lead.address().postalCode()),
    COUNTRY("address.country", ValueKind.TEXT, lead -> lead.address().country()),
    UTM_SOURCE("attribution.utmSource", ValueKind.TEXT, lead -> lead.attribution().utmSource()),
    UTM_MEDIUM("attribution.utmMedium", ValueKind.TEXT, lead -> lead.attribution().utmMedium()),
    UTM_CAMPAIGN("attribution.utmCampaign", ValueKind.TEXT, lead -> lead.attribution().utmCampaign()),
    UTM_TERM("attribution.utmTerm", ValueKind.TEXT, lead -> lead.attribution().utmTerm()),
    UTM_CONTENT("attribution.utmContent", ValueKind.TEXT, lead -> lead.attribution().utmContent()),
    REFERRER("attribution.referrer", ValueKind.TEXT, lead -> lead.attribution().referrer()),
    LANDING_PAGE("attribution.landingPage", ValueKind.TEXT, lead -> lead.attribution().landingPage()),
    SUB_ID("attribution.subId", ValueKind.TEXT, lead -> lead.attribution().subId()),
    PUB_ID("attribution.pubId", ValueKind.TEXT, lead -> lead.attribution().pubId()),
    SELLER_LEAD_ID("attribution.sellerLeadId", ValueKind.TEXT, lead -> lead.attribution().sellerLeadId()),
    PRICE("attribution.price", ValueKind.DECIMAL, lead -> lead.attribution().price()),
    DIRECT_POST_PRICE("attribution.directPostPrice", ValueKind.DECIMAL, lead -> lead.attribution().directPostPrice()),
    TRUSTED_FORM_URL("compliance.trustedFormUrl", ValueKind.TEXT, lead -> lead.compliance().trustedFormUrl()),
    IP_ADDRESS("compliance.ipAddress", ValueKind.TEXT, lead -> lead.compliance().ipAddress()),
    USER_AGENT("compliance.userAgent", ValueKind.TEXT, lead -> lead.compliance().userAgent()),
    ENTITY("workflow.entity", ValueKind.TEXT, lead -> lead.workflow().entity()),
    ASSIGNEE("workflow.assignee", ValueKind.TEXT, lead -> lead.workflow().assignee()),
    VIEWERS("workflow.viewers", ValueKind.TEXT_LIST, lead -> lead.workflow().viewers()),
    NOTES("workflow.notes", ValueKind.NOTES, lead -> lead.workflow().notes()),
    TAGS("workflow.tags", ValueKind.TEXT_LIST, lead -> lead.workflow().tags()),
    PRACTICE_AREA("workflow.practiceArea", ValueKind.TEXT, lead -> lead.workflow().practiceArea());

    private final String path;
    private final ValueKind kind;
    private final Function<CanonicalLead, Object> reader;

    CanonicalField(String path, ValueKind kind, Function<CanonicalLead, Object> reader) {
        this.path = path;
        this.kind = kind;
        this.reader = reader;
    }

    String path() {
        return path;
    }

    String alias() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    ValueKind kind() {
        return kind;
    }

    Object read(CanonicalLead lead) {
        return reader.apply(lead);
    }
}
