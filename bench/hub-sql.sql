-- pgbench script: the database work of one hub lead, with no JVM in the way: the API-key lookup, then the
-- lead upsert and its history event as the one statement LeadStore sends (src/main/resources/sql/save-lead.sql,
-- trimmed to the columns a GHL lead fills). Its rate is the ceiling the hub's own rate can approach.
-- :keyhash is set by bench/run.sh (-D keyhash=<sha256 hex of the bench key>); run with -M prepared.
SELECT k.tenant_id, t.disabled
  FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
 WHERE k.key_hash = decode(:keyhash, 'hex') AND k.revoked_at IS NULL AND t.deleted_at IS NULL;
WITH saved AS (
    INSERT INTO leads (id, tenant_id, source, external_id, first_name, last_name, full_name, email, phone,
                       phone_original, address_line1, city, state, postal_code, country, utm_source, utm_medium,
                       utm_campaign, statuses, viewers, notes, tags, custom, raw)
    VALUES (gen_random_uuid(), '00000000-0000-0000-0000-00000000b0b0', 'ghl',
            'sql-' || :client_id || '-' || (random() * 1e15)::bigint,
            'Jordan', 'Example', 'Jordan Example', 'jordan@example.com', '+60123456789', '+60123456789',
            '1 Example Jalan', 'Kuala Lumpur', 'WP', '50000', 'MY', 'google', 'cpc', 'solar-q2',
            '{}', '[]', '[]', '["website lead","solar"]',
            '{"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"},"customData":{}}',
            '{"contact_id":"x","first_name":"Jordan","last_name":"Example","email":"jordan@example.com","phone":"+60123456789","tags":"website lead,solar","address1":"1 Example Jalan","city":"Kuala Lumpur","state":"WP","postal_code":"50000","country":"MY","customData":{"UTM Source":"google","UTM Medium":"cpc","UTM Campaign":"solar-q2"},"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"}}')
    ON CONFLICT (tenant_id, source, external_id) WHERE external_id IS NOT NULL
    DO UPDATE SET first_name = EXCLUDED.first_name, modified_at = now()
    RETURNING id, tenant_id, (xmax = 0) AS created, created_at, modified_at
), event AS (
    INSERT INTO lead_events (lead_id, tenant_id, type, source, payload)
    SELECT id, tenant_id, CASE WHEN created THEN 'lead.created' ELSE 'lead.updated' END, 'ghl',
           '{"contact":{"firstName":"Jordan","lastName":"Example","fullName":"Jordan Example","email":"jordan@example.com","phone":"+60123456789"},"address":{"line1":"1 Example Jalan","city":"Kuala Lumpur","state":"WP","postalCode":"50000","country":"MY"},"attribution":{"utmSource":"google","utmMedium":"cpc","utmCampaign":"solar-q2"},"workflow":{"tags":["website lead","solar"]},"custom":{"location":{"id":"Lc1BcDeFgHiJkLmNoPqR"}}}'
      FROM saved
)
SELECT id, created, created_at, modified_at FROM saved;
