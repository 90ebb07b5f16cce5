-- The practice's main user (IntakeQ's FirstName/LastName/Email), created with the practice.
INSERT INTO staff (id, tenant_id, email, first_name, last_name, role)
VALUES (:id, :tenantId, :email, :firstName, :lastName, 'owner')
