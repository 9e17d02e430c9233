//! `inbox::PostgresInbox` against a real PostgreSQL server on loopback that
//! the test creates and starts: the inbox conformance suite (with a server
//! restart), a push joined to the caller's transaction, a receiver and
//! workers end to end, LISTEN/NOTIFY wake-ups. Without the server binaries
//! the tests print a notice and pass, unless `ESIGN_WEBHOOKS_REQUIRE_POSTGRES`
//! is set (as `.ci/run` does), in which case they fail.
#![cfg(all(feature = "postgres", feature = "inbox", feature = "conformance"))]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::pg_server::PgServer;
use esign_webhooks::dedup::{AsyncDeduplicator, PostgresStore};
use esign_webhooks::inbox::{Inbox, PostgresInbox, Receiver, Worker, conformance};
use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

async fn inbox(server: &PgServer, table: &str) -> PostgresInbox {
    let inbox = PostgresInbox::open(&server.url()).unwrap().with_table(table).unwrap();
    inbox.migrate().await.unwrap();
    inbox
}

#[test]
fn postgres_inbox_passes_the_inbox_conformance_suite_and_survives_a_restart() {
    let Some(mut server) = PgServer::start() else { return };
    let rt = runtime();
    let inbox = rt.block_on(inbox(&server, "conformance"));
    rt.block_on(conformance::run(&inbox));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    // The restart blocks: on a thread of its own, while the runtime keeps the clients alive.
    let server = &mut server;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = rx.recv();
            server.restart(true);
            let _ = done_tx.send(());
        });
        rt.block_on(conformance::engine_restart(&inbox, || async move {
            let _ = tx.send(());
            let _ = done_rx.await;
        }));
    });
}

#[test]
fn postgres_inbox_push_joins_the_callers_transaction() {
    let Some(server) = PgServer::start() else { return };
    runtime().block_on(async {
        let inbox = inbox(&server, "joined").await;
        let (mut client, connection) = tokio_postgres::connect(&server.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        let rolled_back = conformance::sample_message();
        let tx = client.transaction().await.unwrap();
        inbox.push_in(&tx, &rolled_back).await.unwrap();
        drop(tx); // rolled back: never handed off
        let committed = conformance::sample_message();
        let tx = client.transaction().await.unwrap();
        inbox.push_in(&tx, &committed).await.unwrap();
        assert!(
            inbox
                .pull(10, Duration::from_secs(30), Duration::ZERO)
                .await
                .unwrap()
                .is_empty(),
            "not before the commit"
        );
        tx.commit().await.unwrap();
        let pulled = inbox.pull(10, Duration::from_secs(30), Duration::ZERO).await.unwrap();
        assert_eq!(pulled.len(), 1);
        assert_eq!(pulled[0].message.as_ref().unwrap().id(), committed.id());
        // The user's own client works too (polling: no LISTEN connection of ours).
        let (own, connection) = tokio_postgres::connect(&server.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        let theirs = PostgresInbox::from_client(own).with_table("joined").unwrap();
        assert!(theirs.ack(&pulled[0].receipt).await.unwrap());
    });
}

/// The server's client connections, this query's own excluded.
async fn client_connections(client: &tokio_postgres::Client) -> i64 {
    client
        .query_one(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
            &[],
        )
        .await
        .unwrap()
        .get(0)
}

#[test]
fn postgres_inbox_spreads_pushes_over_its_connections() {
    let Some(server) = PgServer::start() else { return };
    runtime().block_on(async {
        let (watch, connection) = tokio_postgres::connect(&server.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        for connections in [1, 3] {
            let before = client_connections(&watch).await;
            let inbox = PostgresInbox::open(&server.url())
                .unwrap()
                .with_table("spread")
                .unwrap()
                .with_connections(connections);
            inbox.migrate().await.unwrap();
            let inbox = Arc::new(inbox);
            let pushes: Vec<_> = (0..32)
                .map(|_| {
                    let inbox = inbox.clone();
                    tokio::spawn(async move { inbox.push(&conformance::sample_message()).await })
                })
                .collect();
            for push in pushes {
                push.await.unwrap().unwrap();
            }
            let opened = client_connections(&watch).await - before;
            assert_eq!(
                opened, connections as i64,
                "pushes use every one of the inbox's connections"
            );
            let pulled = inbox.pull(64, Duration::from_secs(30), Duration::ZERO).await.unwrap();
            assert_eq!(pulled.len(), 32, "every push was stored once");
            for delivery in &pulled {
                assert!(inbox.ack(&delivery.receipt).await.unwrap());
            }
            drop(inbox);
            // Closed connections leave pg_stat_activity shortly after.
            let deadline = Instant::now() + Duration::from_secs(10);
            while client_connections(&watch).await > before && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    });
}

#[test]
fn postgres_inbox_wakes_a_waiting_worker_on_notify() {
    let Some(server) = PgServer::start() else { return };
    runtime().block_on(async {
        let inbox = Arc::new(inbox(&server, "wakeups").await);
        let waiting = {
            let inbox = inbox.clone();
            tokio::spawn(async move {
                let start = Instant::now();
                let got = inbox
                    .pull(1, Duration::from_secs(30), Duration::from_secs(10))
                    .await
                    .unwrap();
                (got.len(), start.elapsed())
            })
        };
        tokio::time::sleep(Duration::from_millis(500)).await;
        inbox.push(&conformance::sample_message()).await.unwrap();
        let (count, waited) = waiting.await.unwrap();
        assert_eq!(count, 1);
        assert!(waited < Duration::from_secs(2), "woke after {waited:?}");
    });
}

#[test]
fn postgres_inbox_fleet_runs_each_event_once() {
    let Some(server) = PgServer::start() else { return };
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(inbox(&server, "fleet").await);
        let webhooks = Arc::new(
            Webhooks::builder()
                .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
                .build()
                .unwrap(),
        );
        let receivers: Vec<Receiver> = (0..2).map(|_| Receiver::new(webhooks.clone(), inbox.clone())).collect();
        for n in 0..30usize {
            let body = format!(
                r#"{{"Data":{{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-{n:012}","Type":"SessionStatus","Status":3}}}}"#
            );
            for receiver in &receivers {
                let handoff = receiver.receive(body.as_bytes(), &[("x-token", "t")]).await.unwrap();
                assert_eq!(handoff.status(), 200);
            }
        }
        let store = PostgresStore::open(&server.url()).unwrap();
        let store = tokio::task::spawn_blocking(move || {
            store.migrate().unwrap();
            store
        })
        .await
        .unwrap();
        let runs = Arc::new(AtomicUsize::new(0));
        let mut handlers = AsyncHandlers::new();
        let count = runs.clone();
        handlers.on_any(move |_| {
            let count = count.clone();
            async move {
                count.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }
        });
        handlers.deduplicate_with(AsyncDeduplicator::new(store));
        let handlers = Arc::new(handlers);
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let workers: Vec<_> = (0..3)
            .map(|_| {
                let worker = Worker::new(inbox.clone(), handlers.clone()).with_poll_wait(Duration::from_millis(200));
                let mut stopped = stopped.clone();
                tokio::spawn(async move {
                    worker
                        .run(async move {
                            let _ = stopped.wait_for(|stop| *stop).await;
                        })
                        .await
                })
            })
            .collect();
        let start = Instant::now();
        while runs.load(Ordering::SeqCst) < 30 && start.elapsed() < Duration::from_secs(30) {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        tokio::time::sleep(Duration::from_millis(1500)).await;
        let _ = stop.send(true);
        let mut handled = 0;
        for worker in workers {
            handled += worker.await.unwrap().handled;
        }
        assert_eq!(runs.load(Ordering::SeqCst), 30, "once per event");
        assert_eq!(handled, 60, "every copy acknowledged");
        assert!(inbox.pull(10, Duration::from_secs(1), Duration::ZERO).await.unwrap().is_empty());
    });
}
