-- Hub instances cache successful API key lookups in memory (TenantKeyCache). Whatever changes who a key
-- belongs to, or whether it may be used, must reach every instance's cache, whichever instance or tool made
-- the change (partner API, psql, a migration). So the database announces it: any write to api_keys, and any
-- update or delete of tenants (disabled, deleted_at), sends one notification on 'hub_api_keys_changed', which
-- each instance's ApiKeyChangeListener LISTENs on and answers by clearing its whole cache.
--
-- NOTIFY is delivered when the writing transaction commits, and never if it rolls back, so an instance that
-- clears its cache on the notification and then reads the database sees the change. Statement-level
-- triggers and an empty payload keep it to one notification per transaction at most (PostgreSQL folds
-- identical notifications of one transaction), however many rows a statement touches. Keys are created
-- rarely, so inserting one notifies too, although the cache never holds unknown keys: nothing then depends on
-- that rule to stay correct. A new tenant cannot make a cached lookup wrong, so tenant inserts stay silent.
-- TRUNCATE is covered because it removes rows without firing DELETE triggers.
CREATE FUNCTION notify_api_keys_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('hub_api_keys_changed', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER api_keys_notify_change
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_keys
    FOR EACH STATEMENT EXECUTE FUNCTION notify_api_keys_changed();

CREATE TRIGGER tenants_notify_change
    AFTER UPDATE OR DELETE OR TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION notify_api_keys_changed();
