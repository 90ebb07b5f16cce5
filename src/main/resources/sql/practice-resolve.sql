-- The live practice a partner means by :reference, which may be its Id or its ExternalPracticeId
-- (:id is the reference parsed as a uuid, or null). A match on Id wins over an ExternalPracticeId that
-- happens to look like another practice's Id.
SELECT id FROM tenants
 WHERE deleted_at IS NULL
   AND (id = CAST(:id AS uuid) OR external_practice_id = CAST(:reference AS text))
 ORDER BY (id = CAST(:id AS uuid)) IS TRUE DESC
 LIMIT 1
