-- esign-webhooks: the deduplication table of `dedup::PostgresStore` (feature `postgres`).
-- Applied by `PostgresStore::migrate()`, or by your own migration tool. Idempotent.
--
-- One row per delivery key: `pending` (claimed by the attempt whose token it holds,
-- until `expires_at`, the lease) or `done` (a callback run succeeded; until `expires_at`,
-- the TTL). Expired rows are ignored by every operation; `PostgresStore::purge_expired()`
-- deletes them (run it periodically, e.g. hourly).
CREATE TABLE IF NOT EXISTS esign_webhooks_dedup (
    key        text        PRIMARY KEY,
    state      text        NOT NULL CHECK (state IN ('pending', 'done')),
    token      text        NOT NULL,
    expires_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS esign_webhooks_dedup_expires_at ON esign_webhooks_dedup (expires_at);
