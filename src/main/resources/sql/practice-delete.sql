-- Soft delete: the row stays for the leads that reference it, and frees its slug and ExternalPracticeId.
UPDATE tenants SET deleted_at = now(), modified_at = now()
 WHERE id = :tenantId
RETURNING id, practice_name, first_name, last_name, email, external_practice_id, slug, created_at,
          street_address, city, state, postal_code, forms_enabled, booking_enabled
