-- Configuration from one place: every version of each group's publication (the change log).
CREATE TABLE config_layers(
    grp TEXT NOT NULL,               -- all, airport:LHE, terminal:LHE/T1, kiosk:<id>
    version BIGINT NOT NULL,
    text TEXT NOT NULL,              -- the TOML text
    files TEXT NOT NULL,             -- JSON: relative path -> base64 content
    published_by TEXT NOT NULL,
    published_at BIGINT NOT NULL,    -- unix ms
    note TEXT NOT NULL,
    PRIMARY KEY(grp, version)
);
