-- A practice key: SHA-256 for lookups, a display prefix, and the AES-GCM copy the partner API returns.
-- api_keys_one_live_practice_key allows one live key per practice, so callers revoke the old one first.
INSERT INTO api_keys (id, tenant_id, kind, key_hash, key_prefix, key_ciphertext)
VALUES (:id, :tenantId, 'practice', :keyHash, :keyPrefix, :keyCiphertext)
