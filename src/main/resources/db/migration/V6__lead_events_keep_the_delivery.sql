-- From this version on, a lead event's payload is the delivery as the source sent it (the same JSON as the lead's
-- raw copy when it was written), not the canonical lead the mapping made of it. The lead's raw copy is the newest
-- delivery's, so the raw copies of earlier deliveries were lost; now each event keeps its own, and the canonical
-- lead of any delivery can be mapped again from it. Events written before V6 keep the canonical lead they held.
COMMENT ON COLUMN lead_events.payload IS
    'The delivery as the source sent it (events written before V6: the canonical lead the mapping made of it)';
