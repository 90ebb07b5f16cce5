-- The suffix after the highest live "<base>-<n>", as a first guess for a free slug. Only a guess: a
-- concurrent insert may take it, and the unique index (via practice-insert.sql) has the final word. numeric,
-- not integer: any run of digits counts, so the guess is always past every suffix already taken (an explicit
-- Slug may end in "-999999999", and the suffix after it has ten digits).
SELECT (COALESCE(MAX(CAST(substring(slug FROM '-([0-9]+)$') AS numeric)), 1) + 1)::text
  FROM tenants
 WHERE deleted_at IS NULL AND slug ~ ('^' || :base || '-[0-9]+$')
