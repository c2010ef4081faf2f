-- Session summaries by kiosk, the kiosk's store and its number there: a kiosk whose store was
-- wiped counts from 1 again (summaries from before were sent with no store).
ALTER TABLE fleet_sessions ADD COLUMN store TEXT NOT NULL DEFAULT '';
ALTER TABLE fleet_sessions DROP CONSTRAINT fleet_sessions_pkey;
ALTER TABLE fleet_sessions ADD PRIMARY KEY (kiosk, store, seq);
