-- Tenants are the "practices" of the IntakeQ-shaped partner API.
CREATE TABLE tenants (
    id                   uuid PRIMARY KEY,
    practice_name        text        NOT NULL,
    slug                 text        NOT NULL,
    first_name           text        NOT NULL,
    last_name            text        NOT NULL,
    email                text        NOT NULL,
    external_practice_id text,
    street_address       text,
    city                 text,
    state                text,
    postal_code          text,
    forms_enabled        boolean     NOT NULL DEFAULT true,
    booking_enabled      boolean     NOT NULL DEFAULT false,
    disabled             boolean     NOT NULL DEFAULT false,
    created_at           timestamptz NOT NULL DEFAULT now(),
    modified_at          timestamptz NOT NULL DEFAULT now(),
    deleted_at           timestamptz
);
-- Uniqueness holds among live practices, so a deleted practice's slug or external id can be reused.
CREATE UNIQUE INDEX tenants_slug_uq ON tenants (slug) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX tenants_external_practice_id_uq ON tenants (external_practice_id)
    WHERE deleted_at IS NULL AND external_practice_id IS NOT NULL;
CREATE INDEX tenants_email_idx ON tenants (lower(email)) WHERE deleted_at IS NULL;

-- API keys are looked up by SHA-256 of the whole key; the plaintext is never stored. The ciphertext is an
-- AES-GCM copy kept only because the partner API must return the same practice key on every call.
CREATE TABLE api_keys (
    id             uuid PRIMARY KEY,
    tenant_id      uuid        NOT NULL REFERENCES tenants (id),
    kind           text        NOT NULL DEFAULT 'practice',
    key_hash       bytea       NOT NULL,
    key_prefix     text        NOT NULL,
    key_ciphertext text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    revoked_at     timestamptz
);
CREATE UNIQUE INDEX api_keys_hash_uq ON api_keys (key_hash);
-- One live practice key per tenant: rotation revokes the old one in the same transaction.
CREATE UNIQUE INDEX api_keys_one_live_practice_key ON api_keys (tenant_id)
    WHERE kind = 'practice' AND revoked_at IS NULL;

CREATE TABLE staff (
    id         uuid PRIMARY KEY,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    email      text        NOT NULL,
    first_name text,
    last_name  text,
    role       text        NOT NULL DEFAULT 'owner',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX staff_tenant_email_uq ON staff (tenant_id, lower(email));

CREATE TABLE leads (
    id                uuid PRIMARY KEY,
    tenant_id         uuid        NOT NULL REFERENCES tenants (id),
    source            text        NOT NULL,
    external_id       text,
    first_name        text,
    last_name         text,
    full_name         text,
    email             text,
    phone             text,
    phone_original    text,
    phone_type        text,
    date_of_birth     date,
    gender            text,
    address_line1     text,
    address_line2     text,
    city              text,
    state             text,
    postal_code       text,
    country           text,
    utm_source        text,
    utm_medium        text,
    utm_campaign      text,
    utm_term          text,
    utm_content       text,
    referrer          text,
    landing_page      text,
    sub_id            text,
    pub_id            text,
    seller_lead_id    text,
    price             numeric,
    direct_post_price numeric,
    trusted_form_url  text,
    ip_address        text,
    user_agent        text,
    entity            text,
    statuses          jsonb       NOT NULL DEFAULT '{}',
    assignee          text,
    viewers           jsonb       NOT NULL DEFAULT '[]',
    notes             jsonb       NOT NULL DEFAULT '[]',
    tags              jsonb       NOT NULL DEFAULT '[]',
    practice_area     text,
    custom            jsonb       NOT NULL DEFAULT '{}',
    raw               jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    modified_at       timestamptz NOT NULL DEFAULT now()
);
-- The dedup rule: one lead per tenant + source + external id. Upserts target this index.
CREATE UNIQUE INDEX leads_tenant_source_external_id_uq ON leads (tenant_id, source, external_id)
    WHERE external_id IS NOT NULL;
-- Keyset pagination, newest first.
CREATE INDEX leads_tenant_created_idx ON leads (tenant_id, created_at DESC, id DESC);
CREATE INDEX leads_tenant_email_idx ON leads (tenant_id, email);
CREATE INDEX leads_tenant_modified_idx ON leads (tenant_id, modified_at);

-- History of every change to a lead, written in the same transaction as the change.
CREATE TABLE lead_events (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id    uuid        NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    tenant_id  uuid        NOT NULL REFERENCES tenants (id),
    type       text        NOT NULL,
    source     text        NOT NULL,
    payload    jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX lead_events_lead_idx ON lead_events (lead_id, id);
