package io.leadhub.canonical;

import java.math.BigDecimal;

/** Where the lead came from and what it cost (lead-vendor fields: subId, pubId, sellerLeadId, prices). */
public record Attribution(
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String utmTerm,
        String utmContent,
        String referrer,
        String landingPage,
        String subId,
        String pubId,
        String sellerLeadId,
        BigDecimal price,
        BigDecimal directPostPrice) {

    public static final Attribution EMPTY =
            new Attribution(null, null, null, null, null, null, null, null, null, null, null, null);
}
