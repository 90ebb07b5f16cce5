UPDATE staff SET email = :email, first_name = :firstName, last_name = :lastName
 WHERE tenant_id = :tenantId AND role = 'owner'
