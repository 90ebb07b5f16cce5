SELECT * FROM leads WHERE tenant_id = :tenantId AND id = :id
