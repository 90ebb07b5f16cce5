-- A repeat delivery of a lead merges its custom fields into the stored ones object by object, at every depth:
-- GoHighLevel sends custom fields nested (customData, location), and a delivery that carries only some of them
-- must not erase the others, as a one-level "||" did. Where both sides hold an object under a key, the two are
-- merged; anything else (text, numbers, arrays) is taken from the newer side when it has the key.
-- PL/pgSQL rather than SQL because it calls itself; only updates pay for it, inserts never call it.
CREATE FUNCTION jsonb_merge_deep(older jsonb, newer jsonb)
    RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF jsonb_typeof(older) IS DISTINCT FROM 'object' OR jsonb_typeof(newer) IS DISTINCT FROM 'object' THEN
        RETURN COALESCE(newer, older);
    END IF;
    RETURN COALESCE((
        SELECT jsonb_object_agg(key, CASE WHEN n.value IS NULL THEN o.value
                                          WHEN o.value IS NULL THEN n.value
                                          ELSE jsonb_merge_deep(o.value, n.value) END)
          FROM jsonb_each(older) o FULL JOIN jsonb_each(newer) n USING (key)), '{}');
END
$$;

-- The notes of a repeat delivery that the lead already has, added again, would make a resent lead show its
-- notes twice: only notes the lead does not hold yet are appended.
CREATE FUNCTION jsonb_append_missing(stored jsonb, delivered jsonb)
    RETURNS jsonb
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT stored || COALESCE((SELECT jsonb_agg(d.value ORDER BY d.ordinality)
                                 FROM jsonb_array_elements(delivered) WITH ORDINALITY d
                                WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(stored) s
                                                   WHERE s.value = d.value)), '[]')
$$;
