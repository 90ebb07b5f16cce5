-- Exponential back-off, capped at an hour; after :maxAttempts the row is given up on (failed_at) and stays
-- for an operator to inspect.
UPDATE intake_inbox
   SET attempts        = attempts + 1,
       last_error      = :error,
       next_attempt_at = now() + LEAST(interval '1 hour', interval '1 millisecond' * :backoffMillis * power(2, attempts)),
       failed_at       = CASE WHEN attempts + 1 >= :maxAttempts OR :permanent THEN now() END
 WHERE id = :id AND processed_at IS NULL
