-- A new practice. The slug is the arbiter: a taken slug inserts nothing (the store then tries the next
-- suffix, or answers 409 for a slug the caller chose), while a taken ExternalPracticeId still raises the
-- unique violation of tenants_external_practice_id_uq, which the partner API answers with 409.
INSERT INTO tenants (id, practice_name, slug, first_name, last_name, email, external_practice_id,
                     street_address, city, state, postal_code, forms_enabled, booking_enabled)
VALUES (:id, :practiceName, :slug, :firstName, :lastName, :email, :externalPracticeId,
        :streetAddress, :city, :state, :postalCode,
        COALESCE(CAST(:formsEnabled AS boolean), true), COALESCE(CAST(:bookingEnabled AS boolean), false))
ON CONFLICT (slug) WHERE deleted_at IS NULL DO NOTHING
RETURNING id, practice_name, first_name, last_name, email, external_practice_id, slug, created_at,
          street_address, city, state, postal_code, forms_enabled, booking_enabled
