-- Tenants, their API keys (only a hash is stored) and the audit trail of every change made
-- through the API.

CREATE TABLE tenant (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL REFERENCES tenant (id),
    -- The public part of the key, shown in lists and logs; the key is <prefix>.<secret>.
    prefix        text        NOT NULL UNIQUE,
    -- SHA-256 of the whole key; the secret has 190 random bits, so a slow hash adds nothing.
    secret_hash   bytea       NOT NULL,
    role          text        NOT NULL CHECK (role IN ('submitter', 'operator', 'admin')),
    name          text        NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    revoked_at    timestamptz
);
CREATE INDEX api_key_by_tenant ON api_key (tenant_id, created_at);

CREATE TABLE audit_event (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    tenant_id   text,
    actor       text        NOT NULL,
    role        text        NOT NULL,
    action      text        NOT NULL,
    target      text        NOT NULL,
    status      int         NOT NULL
);
CREATE INDEX audit_event_by_tenant ON audit_event (tenant_id, id);
