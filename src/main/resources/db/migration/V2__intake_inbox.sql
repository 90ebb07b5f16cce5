-- Leads that passed validation but could not be stored because the database hiccupped (lock timeout,
-- serialization failure, lost connection). GoHighLevel never resends a workflow webhook, so such a lead is
-- parked here with one small insert, answered 202, and replayed by the intake-inbox job.
CREATE TABLE intake_inbox (
    id              uuid PRIMARY KEY,
    tenant_id       uuid        NOT NULL REFERENCES tenants (id),
    source          text        NOT NULL,
    mapping         text        NOT NULL,
    payload         jsonb       NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    lead_id         uuid,
    processed_at    timestamptz,
    failed_at       timestamptz
);
-- The replay job's work queue: due, neither processed nor given up on.
CREATE INDEX intake_inbox_due_idx ON intake_inbox (next_attempt_at)
    WHERE processed_at IS NULL AND failed_at IS NULL;
