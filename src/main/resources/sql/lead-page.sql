-- Newest first, keyset-paginated on (created_at, id) so pages stay stable while leads keep arriving.
-- Absent filters are NULL; the casts give PostgreSQL their types.
SELECT *
  FROM leads
 WHERE tenant_id = :tenantId
   AND (CAST(:source AS text) IS NULL OR source = :source)
   AND (CAST(:email AS text) IS NULL OR email = :email)
   AND (CAST(:externalId AS text) IS NULL OR external_id = :externalId)
   AND (CAST(:updatedSince AS timestamptz) IS NULL OR modified_at >= :updatedSince)
   AND (CAST(:afterCreatedAt AS timestamptz) IS NULL
        OR (created_at, id) < (CAST(:afterCreatedAt AS timestamptz), CAST(:afterId AS uuid)))
 ORDER BY created_at DESC, id DESC
 LIMIT :limit
