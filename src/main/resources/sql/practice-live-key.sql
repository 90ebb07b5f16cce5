SELECT key_ciphertext FROM api_keys
 WHERE tenant_id = :tenantId AND kind = 'practice' AND revoked_at IS NULL
