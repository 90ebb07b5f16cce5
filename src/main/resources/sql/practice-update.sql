-- Required fields are replaced; optional ones the caller left out keep their stored value.
UPDATE tenants SET
    practice_name        = :practiceName,
    first_name           = :firstName,
    last_name            = :lastName,
    email                = :email,
    external_practice_id = COALESCE(CAST(:externalPracticeId AS text), external_practice_id),
    slug                 = COALESCE(CAST(:slug AS text), slug),
    street_address       = COALESCE(CAST(:streetAddress AS text), street_address),
    city                 = COALESCE(CAST(:city AS text), city),
    state                = COALESCE(CAST(:state AS text), state),
    postal_code          = COALESCE(CAST(:postalCode AS text), postal_code),
    forms_enabled        = COALESCE(CAST(:formsEnabled AS boolean), forms_enabled),
    booking_enabled      = COALESCE(CAST(:bookingEnabled AS boolean), booking_enabled),
    modified_at          = now()
 WHERE id = :tenantId
RETURNING id, practice_name, first_name, last_name, email, external_practice_id, slug, created_at,
          street_address, city, state, postal_code, forms_enabled, booking_enabled
