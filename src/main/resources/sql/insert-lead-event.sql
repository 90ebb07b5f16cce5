INSERT INTO lead_events (lead_id, tenant_id, type, source, payload)
VALUES (:leadId, :tenantId, :type, :source, CAST(:payload AS jsonb))
