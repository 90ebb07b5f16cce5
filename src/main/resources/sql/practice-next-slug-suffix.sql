-- The suffix after the highest live "<base>-<n>", as a first guess for a free slug. Only a guess: a
-- concurrent insert may take it, and the unique index (via practice-insert.sql) has the final word.
SELECT COALESCE(MAX(CAST(substring(slug FROM '-([0-9]{1,9})$') AS integer)), 1) + 1
  FROM tenants
 WHERE deleted_at IS NULL AND slug ~ ('^' || :base || '-[0-9]{1,9}$')
