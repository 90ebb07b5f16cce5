-- One due row, locked for this transaction; rows other instances hold are skipped, not waited for. The one that
-- arrived first, so that parked deliveries of one lead are stored in the order they were sent (which of them
-- wins does not depend on it: save-leads.sql compares received_at).
SELECT id, tenant_id, source, mapping, payload::text AS payload, received_at, attempts
  FROM intake_inbox
 WHERE processed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
 ORDER BY received_at
 LIMIT 1
   FOR UPDATE SKIP LOCKED
