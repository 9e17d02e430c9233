//! `inbox::RedisInbox` against a real `redis-server` on loopback, started by
//! the test with `appendonly yes` and `appendfsync always` in a temporary
//! directory: the inbox conformance suite, a SIGKILL and restart of the
//! server (nothing pushed is lost), and a fleet of receivers and workers.
//! Without the binary the tests print a notice and pass, unless
//! `ESIGN_WEBHOOKS_REQUIRE_REDIS` is set (as `.ci/run` does), in which case
//! they fail.
#![cfg(all(feature = "redis", feature = "inbox", feature = "conformance"))]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

mod common;
use common::redis_server::RedisServer;

use esign_webhooks::dedup::{AsyncDeduplicator, RedisStore};
use esign_webhooks::inbox::{Inbox, Receiver, RedisInbox, Worker, conformance};
use esign_webhooks::{AsyncHandlers, Secret, Webhooks, constellation};

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn redis_inbox_passes_the_inbox_conformance_suite_and_survives_a_sigkill() {
    let Some(mut server) = RedisServer::start(&[]) else {
        return;
    };
    let rt = runtime();
    let inbox = rt.block_on(async { RedisInbox::open(&server.url()).unwrap().with_prefix("conformance:") });
    rt.block_on(conformance::run(&inbox));
    let (tx, rx) = std::sync::mpsc::channel::<()>();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel::<()>();
    let server = &mut server;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let _ = rx.recv();
            server.kill_and_restart();
            let _ = done_tx.send(());
        });
        rt.block_on(conformance::engine_restart(&inbox, || async move {
            let _ = tx.send(());
            let _ = done_rx.await;
        }));
    });
}

#[test]
fn redis_inbox_fleet_runs_each_event_once() {
    let Some(server) = RedisServer::start(&[]) else { return };
    runtime().block_on(async {
        let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(&server.url()).unwrap().with_prefix("fleet:"));
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
        let url = server.url();
        let store = tokio::task::spawn_blocking(move || RedisStore::open(&url).unwrap()).await.unwrap();
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
                // Each worker its own inbox value: its own consumer in the group.
                let inbox: Arc<dyn Inbox> = Arc::new(RedisInbox::open(&server.url()).unwrap().with_prefix("fleet:"));
                let worker = Worker::new(inbox, handlers.clone()).with_poll_wait(Duration::from_millis(200));
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
    });
}
