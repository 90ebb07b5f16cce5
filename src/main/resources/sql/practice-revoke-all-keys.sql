-- Deletion: every key of the practice, whatever its kind, stops working when the delete commits.
UPDATE api_keys SET revoked_at = now()
 WHERE tenant_id = :tenantId AND revoked_at IS NULL
