UPDATE intake_inbox SET processed_at = now(), lead_id = :leadId, attempts = attempts + 1 WHERE id = :id
