INSERT INTO intake_inbox (id, tenant_id, source, mapping, payload)
VALUES (:id, :tenantId, :source, :mapping, CAST(:payload AS jsonb))
