-- Deliveries of one lead are not always stored in the order they arrived. A delivery parked in the intake inbox
-- (the database failed while it arrived) is replayed seconds or minutes later, possibly after a newer delivery
-- of the same lead was stored live; a retried request can likewise commit after a newer one. So every write
-- carries the time its delivery reached the hub, each lead keeps the newest such time it has merged, and
-- save-leads.sql lets an older delivery only fill what the lead lacks instead of overwriting what a newer one
-- said. The older delivery is still recorded as a lead event.
ALTER TABLE leads ADD COLUMN received_at timestamptz;
COMMENT ON COLUMN leads.received_at IS
    'When the newest delivery merged into this lead reached the hub; NULL if it was last written before V4.';

-- One field of a lead when a delivery is merged into what is stored: the value of whichever of the two arrived
-- later wins where it has one, the other only fills a gap. A delivery counts as the later one on a tie, and
-- when the lead has no time (written before V4), as every delivery did before. Inlined by PostgreSQL, so it
-- costs what the CASE costs.
CREATE FUNCTION newer_wins(delivered anyelement, stored anyelement,
                           delivered_at timestamptz, stored_at timestamptz)
    RETURNS anyelement
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN delivered_at < stored_at THEN COALESCE(stored, delivered)
                ELSE COALESCE(delivered, stored) END
$$;

-- Parked leads are replayed in the order they arrived (inbox-claim-due.sql), no longer in the order they
-- became due, so several parked deliveries of one lead are stored oldest first.
DROP INDEX intake_inbox_due_idx;
CREATE INDEX intake_inbox_arrival_idx ON intake_inbox (received_at)
    WHERE processed_at IS NULL AND failed_at IS NULL;
