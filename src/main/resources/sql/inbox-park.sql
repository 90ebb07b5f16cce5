-- received_at is when the lead reached the hub, not now: it was retried before it was parked.
INSERT INTO intake_inbox (id, tenant_id, source, mapping, payload, received_at)
VALUES (:id, :tenantId, :source, :mapping, CAST(:payload AS jsonb), :receivedAt)
