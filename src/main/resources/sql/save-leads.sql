-- Saves a batch of leads (one or many) as ONE statement, so it is atomic even in autocommit and costs one round
-- trip: every upsert and its history event commit together or not at all. Concurrent requests are grouped
-- into one batch by LeadGroupCommit; a batch of one is the same statement.
--
-- :leads is a JSON array with one object per lead, keyed by column name (LeadBatchStatement writes it). A batch
-- never holds the same tenant + source + external id twice: ON CONFLICT may touch a row only once per statement.
--
-- One lead per tenant + source + external id (leads_tenant_source_external_id_uq). A repeat updates the lead:
-- values the new payload carries win, absent ones keep what was stored, custom fields merge, statuses merge,
-- notes append, and raw is the latest payload. xmax = 0 only on a freshly inserted row.
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
        practice_area text, custom jsonb, raw jsonb, event_payload jsonb)
), saved AS (
INSERT INTO leads (id, tenant_id, source, external_id, first_name, last_name,
                   full_name, email, phone, phone_original, phone_type, date_of_birth,
                   gender, address_line1, address_line2, city, state, postal_code,
                   country, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
                   referrer, landing_page, sub_id, pub_id, seller_lead_id, price,
                   direct_post_price, trusted_form_url, ip_address, user_agent, entity, statuses,
                   assignee, viewers, notes, tags, practice_area, custom,
                   raw)
SELECT id, tenant_id, source, external_id, first_name, last_name,
       full_name, email, phone, phone_original, phone_type, date_of_birth,
       gender, address_line1, address_line2, city, state, postal_code,
       country, utm_source, utm_medium, utm_campaign, utm_term, utm_content,
       referrer, landing_page, sub_id, pub_id, seller_lead_id, price,
       direct_post_price, trusted_form_url, ip_address, user_agent, entity, statuses,
       assignee, viewers, notes, tags, practice_area, custom,
       raw
  FROM input
 -- Rows are locked in one global order, so two batches updating the same leads cannot deadlock.
 ORDER BY tenant_id, source, external_id
ON CONFLICT (tenant_id, source, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
    first_name        = COALESCE(EXCLUDED.first_name, leads.first_name),
    last_name         = COALESCE(EXCLUDED.last_name, leads.last_name),
    -- A full name that is just this delivery's parts joined was derived by the mapping, not sent: rebuild it
    -- from the merged parts, so an update carrying only a first name does not cut the stored last name off.
    full_name         = CASE
                            WHEN EXCLUDED.full_name IS NULL THEN leads.full_name
                            WHEN EXCLUDED.full_name = concat_ws(' ', EXCLUDED.first_name, EXCLUDED.last_name)
                                THEN concat_ws(' ', COALESCE(EXCLUDED.first_name, leads.first_name),
                                                    COALESCE(EXCLUDED.last_name, leads.last_name))
                            ELSE EXCLUDED.full_name
                        END,
    email             = COALESCE(EXCLUDED.email, leads.email),
    phone             = COALESCE(EXCLUDED.phone, leads.phone),
    phone_original    = COALESCE(EXCLUDED.phone_original, leads.phone_original),
    phone_type        = COALESCE(EXCLUDED.phone_type, leads.phone_type),
    date_of_birth     = COALESCE(EXCLUDED.date_of_birth, leads.date_of_birth),
    gender            = COALESCE(EXCLUDED.gender, leads.gender),
    address_line1     = COALESCE(EXCLUDED.address_line1, leads.address_line1),
    address_line2     = COALESCE(EXCLUDED.address_line2, leads.address_line2),
    city              = COALESCE(EXCLUDED.city, leads.city),
    state             = COALESCE(EXCLUDED.state, leads.state),
    postal_code       = COALESCE(EXCLUDED.postal_code, leads.postal_code),
    country           = COALESCE(EXCLUDED.country, leads.country),
    utm_source        = COALESCE(EXCLUDED.utm_source, leads.utm_source),
    utm_medium        = COALESCE(EXCLUDED.utm_medium, leads.utm_medium),
    utm_campaign      = COALESCE(EXCLUDED.utm_campaign, leads.utm_campaign),
    utm_term          = COALESCE(EXCLUDED.utm_term, leads.utm_term),
    utm_content       = COALESCE(EXCLUDED.utm_content, leads.utm_content),
    referrer          = COALESCE(EXCLUDED.referrer, leads.referrer),
    landing_page      = COALESCE(EXCLUDED.landing_page, leads.landing_page),
    sub_id            = COALESCE(EXCLUDED.sub_id, leads.sub_id),
    pub_id            = COALESCE(EXCLUDED.pub_id, leads.pub_id),
    seller_lead_id    = COALESCE(EXCLUDED.seller_lead_id, leads.seller_lead_id),
    price             = COALESCE(EXCLUDED.price, leads.price),
    direct_post_price = COALESCE(EXCLUDED.direct_post_price, leads.direct_post_price),
    trusted_form_url  = COALESCE(EXCLUDED.trusted_form_url, leads.trusted_form_url),
    ip_address        = COALESCE(EXCLUDED.ip_address, leads.ip_address),
    user_agent        = COALESCE(EXCLUDED.user_agent, leads.user_agent),
    entity            = COALESCE(EXCLUDED.entity, leads.entity),
    statuses          = leads.statuses || EXCLUDED.statuses,
    assignee          = COALESCE(EXCLUDED.assignee, leads.assignee),
    viewers           = CASE WHEN EXCLUDED.viewers = '[]' THEN leads.viewers ELSE EXCLUDED.viewers END,
    notes             = leads.notes || EXCLUDED.notes,
    tags              = CASE WHEN EXCLUDED.tags = '[]' THEN leads.tags ELSE EXCLUDED.tags END,
    practice_area     = COALESCE(EXCLUDED.practice_area, leads.practice_area),
    custom            = leads.custom || EXCLUDED.custom,
    raw               = EXCLUDED.raw,
    modified_at       = now()
RETURNING id, tenant_id, source, external_id, (xmax = 0) AS created, created_at, modified_at
), event AS (
    INSERT INTO lead_events (lead_id, tenant_id, type, source, payload)
    SELECT s.id, s.tenant_id, CASE WHEN s.created THEN 'lead.created' ELSE 'lead.updated' END, s.source,
           i.event_payload
      FROM saved s
      -- A new lead keeps the id it was sent with; an updated one is found by its external id.
      JOIN input i ON i.id = s.id
                   OR (i.tenant_id = s.tenant_id AND i.source = s.source AND i.external_id = s.external_id)
)
SELECT id, tenant_id, source, external_id, created, created_at, modified_at FROM saved
