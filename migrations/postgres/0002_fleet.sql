-- The fleet: each kiosk's last heartbeat, its session summaries (each once, by the kiosk's
-- sequence number), the open alerts (a kiosk gone quiet, a printer out).
CREATE TABLE kiosks(
    id TEXT PRIMARY KEY,
    airport TEXT,
    last_seen BIGINT NOT NULL,
    heartbeat TEXT NOT NULL          -- the last heartbeat (JSON), without its sessions
);
CREATE TABLE fleet_sessions(
    kiosk TEXT NOT NULL,
    seq BIGINT NOT NULL,
    airport TEXT,
    hour TEXT NOT NULL,              -- YYYY-MM-DDTHH:00Z
    row TEXT NOT NULL,               -- the summary (JSON): no passenger data
    PRIMARY KEY(kiosk, seq)
);
CREATE INDEX fleet_sessions_by_hour ON fleet_sessions(hour);
CREATE TABLE fleet_alerts(
    kiosk TEXT NOT NULL,
    kind TEXT NOT NULL,              -- offline, printer
    raised_at BIGINT NOT NULL,
    PRIMARY KEY(kiosk, kind)
);
