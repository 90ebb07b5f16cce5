-- Rotation: retire the live practice key before its successor is inserted (one live key per practice).
UPDATE api_keys SET revoked_at = now()
 WHERE tenant_id = :tenantId AND kind = 'practice' AND revoked_at IS NULL
