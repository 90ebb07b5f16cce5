-- Live practices, optionally narrowed by id, email (ignoring case) and external id; oldest first.
SELECT id, practice_name, first_name, last_name, email, external_practice_id, slug, created_at,
       street_address, city, state, postal_code, forms_enabled, booking_enabled
  FROM tenants
 WHERE deleted_at IS NULL
   AND (CAST(:id AS uuid) IS NULL OR id = CAST(:id AS uuid))
   AND (CAST(:email AS text) IS NULL OR lower(email) = lower(CAST(:email AS text)))
   AND (CAST(:externalPracticeId AS text) IS NULL OR external_practice_id = CAST(:externalPracticeId AS text))
 ORDER BY created_at, id
