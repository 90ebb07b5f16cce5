-- pgbench script: the raw limit. One autocommitted single-row insert of the same row shape the hub writes
-- for a GHL lead (same columns, jsonb values and indexes). The external id and the email follow the pattern
-- bench/ghl-lead.lua sends the hub (phase, client, then a counter of the client's own), so both sides add
-- index entries alike. bench/run.sh passes -D phase=... -D n=0.
\set n :n + 1
INSERT INTO bench_raw_leads (id, tenant_id, source, external_id, first_name, last_name, full_name, email,
                             phone, phone_original, address_line1, city, state, postal_code, country,
                             utm_source, utm_medium, utm_campaign, tags, custom, raw, received_at)
VALUES (gen_random_uuid(), '00000000-0000-0000-0000-00000000b0b0', 'ghl',
        :phase || '-' || :client_id || '-' || :n,
        'Jordan', 'Example', 'Jordan Example', 'jordan+' || :phase || '-' || :client_id || '-' || :n || '@example.com', '+60123456789', '+60123456789',
        '1 Example Jalan', 'Kuala Lumpur', 'WP', '50000', 'MY', 'google', 'cpc', 'solar-q2',
        '["website lead","solar"]',
        '{"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"},"customData":{}}',
        '{"contact_id":"x","first_name":"Jordan","last_name":"Example","email":"jordan@example.com","phone":"+60123456789","tags":"website lead,solar","address1":"1 Example Jalan","city":"Kuala Lumpur","state":"WP","postal_code":"50000","country":"MY","customData":{"UTM Source":"google","UTM Medium":"cpc","UTM Campaign":"solar-q2"},"location":{"id":"Lc1BcDeFgHiJkLmNoPqR","name":"Example Solar"}}',
        now());
