-- The desk's store on PostgreSQL: the same tables as the embedded SQLite file, plus what
-- several instances share (sign-in counts, which instance last purged).
CREATE TABLE incidents(
    key TEXT PRIMARY KEY,
    kiosk TEXT NOT NULL,
    state TEXT NOT NULL,            -- open, acknowledged, resolved, cancelled
    escalated BOOLEAN NOT NULL DEFAULT false,
    payload TEXT NOT NULL,          -- the latest request (JSON)
    received_at BIGINT NOT NULL,    -- unix ms
    updated_at BIGINT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at BIGINT,
    closed_at BIGINT,
    deliveries BIGINT NOT NULL DEFAULT 1,
    resolved_by TEXT,
    resolved_at BIGINT
);
CREATE INDEX incidents_by_state ON incidents(state);
CREATE INDEX incidents_by_received ON incidents(received_at);
CREATE INDEX incidents_by_closed ON incidents(closed_at) WHERE closed_at IS NOT NULL;

-- What happened to each incident, oldest first.
CREATE TABLE incident_events(
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    agent TEXT,
    detail TEXT
);
CREATE INDEX incident_events_by_key ON incident_events(key, id);

CREATE TABLE agents(name TEXT PRIMARY KEY, hash TEXT NOT NULL, airport TEXT);
CREATE TABLE sessions(
    token_hash TEXT PRIMARY KEY,
    agent TEXT NOT NULL,
    csrf TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
);
CREATE INDEX sessions_by_agent ON sessions(agent);

-- What staff did at the kiosks: each once, whatever the retries.
CREATE TABLE staff_actions(
    id TEXT PRIMARY KEY,
    seq BIGSERIAL,
    kiosk TEXT NOT NULL,
    incident TEXT NOT NULL,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT,
    at BIGINT NOT NULL
);

-- The sign-in throttle, shared by every instance: kind is pair (name and address), name or
-- address.
CREATE TABLE sign_in_counts(
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    failures INTEGER NOT NULL,
    lockouts INTEGER NOT NULL,
    until_ms BIGINT NOT NULL,
    last_ms BIGINT NOT NULL,
    PRIMARY KEY(kind, key)
);
-- Addresses an agent signed in from.
CREATE TABLE sign_in_known(name TEXT NOT NULL, address TEXT NOT NULL, at BIGINT NOT NULL,
    PRIMARY KEY(name, address));

-- Jobs one instance runs for all (the purge), and when it last did.
CREATE TABLE desk_jobs(job TEXT PRIMARY KEY, last_run BIGINT NOT NULL, instance TEXT NOT NULL);
