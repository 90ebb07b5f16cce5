-- One due row, locked for this transaction; rows other instances hold are skipped, not waited for.
SELECT id, tenant_id, source, mapping, payload::text AS payload, attempts
  FROM intake_inbox
 WHERE processed_at IS NULL AND failed_at IS NULL AND next_attempt_at <= now()
 ORDER BY next_attempt_at
 LIMIT 1
   FOR UPDATE SKIP LOCKED
