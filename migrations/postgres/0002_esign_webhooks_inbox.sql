-- esign-webhooks: the inbox table of `inbox::PostgresInbox` (features `inbox` and `postgres`).
-- Applied by `PostgresInbox::migrate()` (which uses the inbox's own table name in place of
-- `esign_webhooks_inbox`), or by your own migration tool. Idempotent.
--
-- One row per verified delivery handed off by a receiver: `message` is the encoded
-- `InboxMessage`. A row is visible to workers when `visible_at <= now()` and it is not dead;
-- a worker leases it by setting `lease_token` and moving `visible_at` to the lease's end
-- (`FOR UPDATE SKIP LOCKED`, so workers never wait on each other), renews by moving it again,
-- and acknowledges by deleting the row. Dead letters stay, with their error, until replayed
-- or discarded. Receivers `NOTIFY esign_webhooks_inbox` after a push, waking workers.
CREATE TABLE IF NOT EXISTS esign_webhooks_inbox (
    id          bigserial   PRIMARY KEY,
    message     bytea       NOT NULL,
    visible_at  timestamptz NOT NULL DEFAULT now(),
    lease_token text,
    deliveries  integer     NOT NULL DEFAULT 0,
    dead        boolean     NOT NULL DEFAULT false,
    error       text,
    dead_at     timestamptz
);

CREATE INDEX IF NOT EXISTS esign_webhooks_inbox_visible ON esign_webhooks_inbox (visible_at, id) WHERE NOT dead;
CREATE INDEX IF NOT EXISTS esign_webhooks_inbox_dead ON esign_webhooks_inbox (dead_at, id) WHERE dead;
