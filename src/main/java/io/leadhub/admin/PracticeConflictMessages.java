package io.leadhub.admin;

import io.leadhub.http.ConflictMessages;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Unique indexes behind the partner API, in the seed's field names. */
@Component
public class PracticeConflictMessages implements ConflictMessages {

    @Override
    public Map<String, String> byConstraint() {
        return Map.of(
                "tenants_external_practice_id_uq", "ExternalPracticeId is already used by another practice",
                "tenants_slug_uq", "Slug is already used by another practice",
                "staff_tenant_email_uq", "Email already belongs to another user of this practice");
    }
}
