-- Saves a batch of leads (one or many) as ONE statement, so it is atomic even in autocommit and costs one round
-- trip: every upsert and its history event commit together or not at all. Concurrent requests are grouped
-- into one batch by LeadGroupCommit; a batch of one is the same statement.
--
-- :leads is a JSON array with one object per lead, keyed by column name (LeadBatchStatement writes it). A batch
-- never holds the same tenant + source + external id twice: ON CONFLICT may touch a row only once per statement.
--
-- One lead per tenant + source + external id (leads_tenant_source_external_id_uq). A repeat updates the lead:
-- values the newer delivery carries win, absent ones keep what was stored, custom fields merge at every depth,
-- statuses merge, notes the lead lacks are appended, and raw is the newest payload. "Newer" is by received_at,
-- when the delivery reached the hub, not by when it is written: a delivery parked in the intake inbox and replayed after a newer one was stored
-- only fills what the lead lacks (newer_wins, V4), and its raw copy is not kept; it is still a lead event.
-- Every event keeps its delivery as sent (V6): the raw copy, read from the input once for both rows.
-- xmax = 0 only on a freshly inserted row.
WITH input AS (
    SELECT * FROM jsonb_to_recordset(CAST(:leads AS jsonb)) AS i(
        id uuid, tenant_id uuid, source text, external_id text,
        first_name text, last_name text, full_name text, email text,
        phone text, phone_original text, phone_type text, date_of_birth date,
        gender text, address_line1 text, address_line2 text, city text,
        state text, postal_code text, country text, utm_source text,
        utm_medium text, utm_campaign text, utm_term text, utm_content text,
        referrer text, landing_page text, sub_id text, pub_id text,
        seller_lead_id text, price numeric, direct_post_price numeric, trusted_form_url text,
        ip_address text, user_agent text, entity text, statuses jsonb,
        assignee text, viewers jsonb, notes jsonb, tags jsonb,
        practice_area text, custom jsonb, raw jsonb, received_at timestamptz)
), saved AS (
INSERT INTO leads (id, tenant_id, source, external_id, first_name, last_name,
                   full_name, email, phone, phone_original, phone_type, date_of_birth,
                   gender, address_line1, address_line2, city, state, postal_code,
                   country, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
                   referrer, landing_page, sub_id, pub_id, seller_lead_id, price,
                   direct_post_price, trusted_form_url, ip_address, user_agent, entity, statuses,
                   assignee, viewers, notes, tags, practice_area, custom,
                   raw, received_at)
SELECT id, tenant_id, source, external_id, first_name, last_name,
       full_name, email, phone, phone_original, phone_type, date_of_birth,
       gender, address_line1, address_line2, city, state, postal_code,
       country, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
       referrer, landing_page, sub_id, pub_id, seller_lead_id, price,
       direct_post_price, trusted_form_url, ip_address, user_agent, entity, statuses,
       assignee, viewers, notes, tags, practice_area, custom,
       raw, received_at
  FROM input
 -- Rows are locked in one global order, so two batches updating the same leads cannot deadlock.
 ORDER BY tenant_id, source, external_id
ON CONFLICT (tenant_id, source, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
    first_name        = newer_wins(EXCLUDED.first_name, leads.first_name, EXCLUDED.received_at, leads.received_at),
    last_name         = newer_wins(EXCLUDED.last_name, leads.last_name, EXCLUDED.received_at, leads.received_at),
    -- A full name that is just its delivery's parts joined was derived by the mapping, not sent: rebuild it
    -- from the merged parts, so an update carrying only a first name does not cut the stored last name off.
    -- Against an older delivery, the stored lead is the newer side.
    full_name         = CASE
                            WHEN EXCLUDED.received_at < leads.received_at THEN CASE
                                WHEN leads.full_name IS NULL THEN EXCLUDED.full_name
                                WHEN leads.full_name = concat_ws(' ', leads.first_name, leads.last_name)
                                    THEN concat_ws(' ', COALESCE(leads.first_name, EXCLUDED.first_name),
                                                        COALESCE(leads.last_name, EXCLUDED.last_name))
                                ELSE leads.full_name
                            END
                            WHEN EXCLUDED.full_name IS NULL THEN leads.full_name
                            WHEN EXCLUDED.full_name = concat_ws(' ', EXCLUDED.first_name, EXCLUDED.last_name)
                                THEN concat_ws(' ', COALESCE(EXCLUDED.first_name, leads.first_name),
                                                    COALESCE(EXCLUDED.last_name, leads.last_name))
                            ELSE EXCLUDED.full_name
                        END,
    email             = newer_wins(EXCLUDED.email, leads.email, EXCLUDED.received_at, leads.received_at),
    phone             = newer_wins(EXCLUDED.phone, leads.phone, EXCLUDED.received_at, leads.received_at),
    phone_original    = newer_wins(EXCLUDED.phone_original, leads.phone_original, EXCLUDED.received_at, leads.received_at),
    phone_type        = newer_wins(EXCLUDED.phone_type, leads.phone_type, EXCLUDED.received_at, leads.received_at),
    date_of_birth     = newer_wins(EXCLUDED.date_of_birth, leads.date_of_birth, EXCLUDED.received_at, leads.received_at),
    gender            = newer_wins(EXCLUDED.gender, leads.gender, EXCLUDED.received_at, leads.received_at),
    address_line1     = newer_wins(EXCLUDED.address_line1, leads.address_line1, EXCLUDED.received_at, leads.received_at),
    address_line2     = newer_wins(EXCLUDED.address_line2, leads.address_line2, EXCLUDED.received_at, leads.received_at),
    city              = newer_wins(EXCLUDED.city, leads.city, EXCLUDED.received_at, leads.received_at),
    state             = newer_wins(EXCLUDED.state, leads.state, EXCLUDED.received_at, leads.received_at),
    postal_code       = newer_wins(EXCLUDED.postal_code, leads.postal_code, EXCLUDED.received_at, leads.received_at),
    country           = newer_wins(EXCLUDED.country, leads.country, EXCLUDED.received_at, leads.received_at),
    utm_source        = newer_wins(EXCLUDED.utm_source, leads.utm_source, EXCLUDED.received_at, leads.received_at),
    utm_medium        = newer_wins(EXCLUDED.utm_medium, leads.utm_medium, EXCLUDED.received_at, leads.received_at),
    utm_campaign      = newer_wins(EXCLUDED.utm_campaign, leads.utm_campaign, EXCLUDED.received_at, leads.received_at),
    utm_term          = newer_wins(EXCLUDED.utm_term, leads.utm_term, EXCLUDED.received_at, leads.received_at),
    utm_content       = newer_wins(EXCLUDED.utm_content, leads.utm_content, EXCLUDED.received_at, leads.received_at),
    referrer          = newer_wins(EXCLUDED.referrer, leads.referrer, EXCLUDED.received_at, leads.received_at),
    landing_page      = newer_wins(EXCLUDED.landing_page, leads.landing_page, EXCLUDED.received_at, leads.received_at),
    sub_id            = newer_wins(EXCLUDED.sub_id, leads.sub_id, EXCLUDED.received_at, leads.received_at),
    pub_id            = newer_wins(EXCLUDED.pub_id, leads.pub_id, EXCLUDED.received_at, leads.received_at),
    seller_lead_id    = newer_wins(EXCLUDED.seller_lead_id, leads.seller_lead_id, EXCLUDED.received_at, leads.received_at),
    price             = newer_wins(EXCLUDED.price, leads.price, EXCLUDED.received_at, leads.received_at),
    direct_post_price = newer_wins(EXCLUDED.direct_post_price, leads.direct_post_price, EXCLUDED.received_at, leads.received_at),
    trusted_form_url  = newer_wins(EXCLUDED.trusted_form_url, leads.trusted_form_url, EXCLUDED.received_at, leads.received_at),
    ip_address        = newer_wins(EXCLUDED.ip_address, leads.ip_address, EXCLUDED.received_at, leads.received_at),
    user_agent        = newer_wins(EXCLUDED.user_agent, leads.user_agent, EXCLUDED.received_at, leads.received_at),
    entity            = newer_wins(EXCLUDED.entity, leads.entity, EXCLUDED.received_at, leads.received_at),
    -- The rest are merged in the same spirit: the newer delivery's keys and lists win, the older one's only add.
    statuses          = CASE WHEN EXCLUDED.received_at < leads.received_at THEN EXCLUDED.statuses || leads.statuses
                             ELSE leads.statuses || EXCLUDED.statuses END,
    assignee          = newer_wins(EXCLUDED.assignee, leads.assignee, EXCLUDED.received_at, leads.received_at),
    viewers           = CASE WHEN EXCLUDED.viewers = '[]' THEN leads.viewers
                             WHEN EXCLUDED.received_at < leads.received_at AND leads.viewers <> '[]' THEN leads.viewers
                             ELSE EXCLUDED.viewers END,
    -- Notes the lead already holds are not added again (a resent lead), whichever delivery is newer.
    notes             = jsonb_append_missing(leads.notes, EXCLUDED.notes),
    tags              = CASE WHEN EXCLUDED.tags = '[]' THEN leads.tags
                             WHEN EXCLUDED.received_at < leads.received_at AND leads.tags <> '[]' THEN leads.tags
                             ELSE EXCLUDED.tags END,
    practice_area     = newer_wins(EXCLUDED.practice_area, leads.practice_area, EXCLUDED.received_at, leads.received_at),
    -- Merged at every depth (V5): customData or location sent with some of its keys keeps the others.
    custom            = CASE WHEN EXCLUDED.received_at < leads.received_at
                             THEN jsonb_merge_deep(EXCLUDED.custom, leads.custom)
                             ELSE jsonb_merge_deep(leads.custom, EXCLUDED.custom) END,
    raw               = CASE WHEN EXCLUDED.received_at < leads.received_at THEN leads.raw ELSE EXCLUDED.raw END,
    received_at       = GREATEST(EXCLUDED.received_at, leads.received_at),
    modified_at       = now()
RETURNING id, tenant_id, source, external_id, (xmax = 0) AS created, created_at, modified_at
), event AS (
    INSERT INTO lead_events (lead_id, tenant_id, type, source, payload)
    SELECT s.id, s.tenant_id, CASE WHEN s.created THEN 'lead.created' ELSE 'lead.updated' END, s.source,
           i.raw
      FROM saved s
      -- A new lead keeps the id it was sent with; an updated one is found by its external id.
      JOIN input i ON i.id = s.id
                   OR (i.tenant_id = s.tenant_id AND i.source = s.source AND i.external_id = s.external_id)
)
SELECT id, tenant_id, source, external_id, created, created_at, modified_at FROM saved
