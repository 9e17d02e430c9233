//! `dedup::PostgresStore` against a real PostgreSQL server on loopback that
//! the test creates (`initdb` into a temporary directory, as an unprivileged
//! user when run as root) and starts on a free port: the conformance suite,
//! the migration, several receivers, a restart of the server mid-test, and
//! faults injected by a TCP proxy. Without the server binaries the tests
//! print a notice and pass, unless `ESIGN_WEBHOOKS_REQUIRE_POSTGRES` is set
//! (as `.ci/run` does), in which case they fail.
#![cfg(all(feature = "postgres", feature = "conformance"))]

mod common;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::fault_proxy::{FaultProxy, Mode};
use esign_webhooks::dedup::{
    AsyncDeduplicator, ClaimOutcome, ClaimToken, DedupKey, DedupStore, Deduplicator, PostgresStore, conformance,
};
use esign_webhooks::testing::Signer;
use esign_webhooks::{AsyncHandlers, Handlers, Secret, Vendor, Webhooks, constellation};
use http::StatusCode;

/// The server binaries' directory: `initdb` on PATH, or Debian's /usr/lib/postgresql/<version>/bin.
fn binaries() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let mut debian: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|dirs| dirs.filter_map(|d| d.ok()).map(|d| d.path().join("bin")).collect())
        .unwrap_or_default();
    debian.sort();
    debian.reverse();
    on_path
        .into_iter()
        .chain(debian)
        .find(|dir| dir.join("initdb").is_file() && dir.join("postgres").is_file())
}

/// The unprivileged user to run the server as when we are root (initdb refuses root).
fn unprivileged() -> Option<(u32, u32)> {
    let uid = |flag: &str| -> Option<u32> {
        let out = Command::new("id").args([flag, "nobody"]).output().ok()?;
        String::from_utf8_lossy(&out.stdout).trim().parse().ok()
    };
    let me = Command::new("id").arg("-u").output().ok()?;
    if String::from_utf8_lossy(&me.stdout).trim() != "0" {
        return None;
    }
    Some((uid("-u")?, uid("-g")?))
}

struct Server {
    child: Option<Child>,
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    user: Option<(u32, u32)>,
    /// More `-c` settings (`ssl=on` …).
    extra: Vec<String>,
}

impl Server {
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(self.bin.join(program));
        if let Some((uid, gid)) = self.user {
            command.uid(uid).gid(gid);
        }
        command.stdout(Stdio::null()).stderr(Stdio::null());
        command
    }

    fn start_postgres(&mut self) {
        let child = self
            .command("postgres")
            .arg("-D")
            .arg(&self.data)
            .args(["-p", &self.port.to_string(), "-c", "listen_addresses=127.0.0.1"])
            .arg("-c")
            .arg(format!("unix_socket_directories={}", self.data.display()))
            .args([
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
            ])
            .args(self.extra.iter().flat_map(|setting| ["-c", setting.as_str()]))
            .spawn()
            .expect("postgres starts");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(30);
        let store = PostgresStore::open(&self.url())
            .unwrap()
            .with_timeout(Duration::from_millis(500));
        while store
            .purge_expired()
            // Up: the table is missing, or (a TLS-only server) a plain connection is refused.
            .is_err_and(|err| !err.to_string().contains("does not exist") && !err.to_string().contains("pg_hba.conf"))
        {
            assert!(Instant::now() < deadline, "postgres did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// A fast shutdown (SIGINT), waited for.
    fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(20);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    fn restart(&mut self) {
        self.stop();
        self.start_postgres();
    }

    fn address(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    fn url(&self) -> String {
        format!("postgresql://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(self.data.parent().unwrap_or(&self.data));
    }
}

fn start() -> Option<Server> {
    start_with(|_| Vec::new())
}

/// A server; `prepare` runs after initdb, with the server, and returns more settings.
fn start_with(prepare: impl FnOnce(&Server) -> Vec<String>) -> Option<Server> {
    let Some(bin) = binaries() else {
        assert!(
            std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_POSTGRES").is_none(),
            "PostgreSQL is required (ESIGN_WEBHOOKS_REQUIRE_POSTGRES is set) but initdb/postgres are not installed"
        );
        eprintln!("NOTICE: initdb/postgres not found; the PostgreSQL store test is skipped");
        return None;
    };
    let user = unprivileged();
    let root = std::env::temp_dir().join(format!(
        "esign-webhooks-pg-{}-{}",
        std::process::id(),
        ClaimToken::new()
    ));
    let data = root.join("data");
    std::fs::create_dir_all(&root).unwrap();
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(&root, Some(uid), Some(gid)).unwrap();
    }
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut server = Server {
        child: None,
        bin,
        data,
        port,
        user,
        extra: Vec::new(),
    };
    let status = server
        .command("initdb")
        .arg("-D")
        .arg(&server.data)
        .args(["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
        .current_dir(Path::new("/"))
        .status()
        .expect("initdb runs");
    assert!(status.success(), "initdb failed");
    server.extra = prepare(&server);
    server.start_postgres();
    Some(server)
}

fn key(n: u32) -> DedupKey {
    DedupKey::from_parts(Vendor::Constellation, [n.to_le_bytes().as_slice()])
}

fn lease() -> Duration {
    Duration::from_secs(30)
}

fn webhooks() -> Webhooks {
    Webhooks::builder()
        .constellation(constellation::Verifier::header_token("x-token", Secret::new("t")))
        .build()
        .unwrap()
}

/// One server for every check (initdb takes a few seconds), run in sequence.
#[test]
fn postgres_store_against_a_real_server() {
    let Some(mut server) = start() else { return };
    let store = PostgresStore::open(&server.url()).unwrap();
    let err = store.claim(&key(0), ClaimToken::new(), lease()).unwrap_err();
    assert!(
        err.to_string().contains("esign_webhooks_dedup"),
        "before the migration: {err}"
    );
    store.migrate().unwrap();
    store.migrate().unwrap(); // idempotent

    // The conformance suite, blocking and async.
    conformance::run(&store);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(conformance::run_async(&store));
    assert_eq!(
        store
            .claim(&key(50), ClaimToken::new(), Duration::from_millis(1))
            .unwrap(),
        ClaimOutcome::Claimed
    );
    std::thread::sleep(Duration::from_millis(20));
    assert!(store.purge_expired().unwrap() >= 1, "an expired claim is purged");

    // Several receivers (one store each): exactly one claim wins per key.
    let stores: Vec<_> = (0..3)
        .map(|_| Arc::new(PostgresStore::open(&server.url()).unwrap()))
        .collect();
    let winners = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for i in 0..9 {
            let (store, winners) = (Arc::clone(&stores[i % 3]), &winners);
            scope.spawn(move || {
                for n in 100..130 {
                    if store.claim(&key(n), ClaimToken::new(), lease()).unwrap() == ClaimOutcome::Claimed {
                        winners.fetch_add(1, Ordering::SeqCst);
                    }
                }
            });
        }
    });
    assert_eq!(winners.load(Ordering::SeqCst), 30, "one winner per key");

    // `handle` across two receivers.
    let runs = Arc::new(AtomicUsize::new(0));
    let receivers: Vec<Handlers> = (0..2)
        .map(|_| {
            let mut handlers = Handlers::new();
            let counter = Arc::clone(&runs);
            handlers.on_any(move |_| {
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            });
            handlers.deduplicate_with(Deduplicator::new(PostgresStore::open(&server.url()).unwrap()));
            handlers
        })
        .collect();
    let body = include_bytes!("fixtures/constellation/signer_declined_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let w = webhooks();
    assert!(
        !w.handle(&receivers[0], &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );
    assert!(
        w.handle(&receivers[1], &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // A restart mid-test: the claim made before survives (the table is durable), and
    // the first operation after the restart succeeds on a new connection.
    let token = ClaimToken::new();
    assert_eq!(store.claim(&key(1), token, lease()).unwrap(), ClaimOutcome::Claimed);
    server.restart();
    assert_eq!(
        store.claim(&key(1), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::InFlight
    );
    assert!(store.complete(&key(1), token, Duration::from_secs(60)).unwrap());
    assert_eq!(
        store.claim(&key(1), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Done
    );
    assert!(
        w.handle(&receivers[0], &request.body, &request.headers)
            .unwrap()
            .is_duplicate()
    );

    // Faults through a proxy.
    let proxy = FaultProxy::start(&server.address());
    let faulty = PostgresStore::open(&format!("postgresql://postgres@{}/postgres", proxy.address))
        .unwrap()
        .with_timeout(Duration::from_millis(500));
    assert_eq!(
        faulty.claim(&key(2), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Claimed
    );
    // Slow drip: bounded as a whole.
    proxy.set(Mode::Drip);
    let started = Instant::now();
    assert!(faulty.claim(&key(3), ClaimToken::new(), lease()).is_err());
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
    // Dropped connections: an error, then a new connection once the network heals.
    proxy.set(Mode::Drop);
    assert!(faulty.claim(&key(4), ClaimToken::new(), lease()).is_err());
    proxy.set(Mode::Pass);
    let deadline = Instant::now() + Duration::from_secs(5);
    let token = ClaimToken::new();
    let outcome = loop {
        match faulty.claim(&key(4), token, lease()) {
            Ok(outcome) => break outcome,
            Err(err) => assert!(Instant::now() < deadline, "no reconnection: {err}"),
        }
    };
    assert_eq!(outcome, ClaimOutcome::Claimed);

    // A delayed reply: the claim is executed but answered late (503); the retry is
    // never 200 before a callback ran.
    let mut handlers = Handlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    handlers.deduplicate_with(Deduplicator::new(faulty).with_lease(Duration::from_secs(2)));
    let body = include_bytes!("fixtures/constellation/session_completed_pascal.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    proxy.delay(Duration::from_millis(800));
    assert_eq!(
        w.handle(&handlers, &request.body, &request.headers)
            .unwrap_err()
            .status(),
        StatusCode::SERVICE_UNAVAILABLE
    );
    proxy.set(Mode::Pass);
    std::thread::sleep(Duration::from_millis(600));
    let deadline = Instant::now() + Duration::from_secs(6);
    loop {
        match w.handle(&handlers, &request.body, &request.headers) {
            Ok(report) if report.ran().len() == 1 => break,
            Ok(report) => {
                assert!(
                    !report.is_duplicate(),
                    "answered 200 before any callback ran: {report:?}"
                );
                assert_eq!(report.status(), StatusCode::SERVICE_UNAVAILABLE);
            }
            Err(err) => assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE),
        }
        assert!(Instant::now() < deadline, "the retry never ran");
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1);

    // A dropped `handle_async` future releases its claim (detached, on the store's runtime).
    let mut handlers = AsyncHandlers::new();
    let runs = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&runs);
    handlers.on_any(move |_| {
        let n = counter.fetch_add(1, Ordering::SeqCst);
        async move {
            if n == 0 {
                tokio::time::sleep(Duration::from_secs(3600)).await;
            }
            Ok(())
        }
    });
    handlers.deduplicate_with(AsyncDeduplicator::new(PostgresStore::open(&server.url()).unwrap()));
    let body = include_bytes!("fixtures/constellation/session_archived_camel.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    runtime.block_on(async {
        let dropped = tokio::time::timeout(
            Duration::from_millis(300),
            w.handle_async(&handlers, &request.body, &request.headers),
        )
        .await;
        assert!(dropped.is_err(), "{dropped:?}");
        tokio::time::sleep(Duration::from_millis(300)).await;
        let retry = w
            .handle_async(&handlers, &request.body, &request.headers)
            .await
            .unwrap();
        assert!(
            !retry.is_in_flight() && !retry.is_duplicate() && retry.ran().len() == 1,
            "{retry:?}"
        );
    });

    // The password is never shown.
    let with_password = PostgresStore::open("postgresql://hooks:pg-s3cret-pass@127.0.0.1:1/db").unwrap();
    assert!(!format!("{with_password:?}").contains("pg-s3cret-pass"));
    let err = with_password.claim(&key(9), ClaimToken::new(), lease()).unwrap_err();
    assert!(!err.to_string().contains("pg-s3cret-pass"), "{err}");

    // A hostile server (here, a trigger) puts line breaks and escape
    // sequences into its error message: the store's errors stay on one line
    // through their whole `source()` chain, and through `handle`'s error.
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(&server.url(), tokio_postgres::NoTls)
            .await
            .unwrap();
        tokio::spawn(connection);
        client
            .batch_execute(
                r"CREATE FUNCTION esign_hostile() RETURNS trigger LANGUAGE plpgsql AS $$
                  BEGIN
                    RAISE EXCEPTION E'forged\n2026-12-04 INFO payment accepted\x1b[2J'
                      USING DETAIL = E'detail\r\nline', HINT = E'hint\nline';
                  END $$;
                  CREATE TRIGGER esign_hostile BEFORE INSERT OR UPDATE ON esign_webhooks_dedup
                    FOR EACH ROW EXECUTE FUNCTION esign_hostile();",
            )
            .await
            .unwrap();
    });
    let err = store.claim(&key(77), ClaimToken::new(), lease()).unwrap_err();
    let texts = single_line_chain(&err);
    assert!(texts[0].contains(r"forged\n2026-12-04 INFO"), "{texts:?}");
    let mut handlers = Handlers::new();
    handlers.on_any(|_| Ok(()));
    handlers.deduplicate_with(Deduplicator::new(PostgresStore::open(&server.url()).unwrap()));
    let body = include_bytes!("fixtures/constellation/session_completed_camel.json");
    let request = Signer::header_token("x-token", Secret::new("t")).sign(body);
    let err = w.handle(&handlers, &request.body, &request.headers).unwrap_err();
    assert_eq!(err.status(), StatusCode::SERVICE_UNAVAILABLE, "{err}");
    let texts = single_line_chain(&err);
    assert!(texts.len() >= 2 && texts[0].contains(r"forged\n"), "{texts:?}");
}

/// Every level of `err`'s `source()` chain, each checked to be one line
/// without control characters.
fn single_line_chain(err: &(dyn std::error::Error + 'static)) -> Vec<String> {
    let mut texts = Vec::new();
    let mut next = Some(err);
    while let Some(err) = next {
        let text = err.to_string();
        assert!(!text.chars().any(char::is_control), "a control character in {text:?}");
        texts.push(text);
        next = err.source();
    }
    texts
}

/// A private CA and a server certificate it signs, for `localhost` and
/// 127.0.0.1, in the server's data directory (`openssl` CLI), owned by the
/// server's user; the CA's PEM.
fn server_certificate(server: &Server) -> Option<Vec<u8>> {
    let file = |name: &str| server.data.join(name);
    let openssl = |args: &[&str]| -> Option<()> {
        let status = Command::new("openssl")
            .args(args)
            .current_dir(&server.data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .ok()?;
        status.success().then_some(())
    };
    std::fs::write(
        file("server.ext"),
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .ok()?;
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=esign-webhooks test CA",
        "-keyout",
        "ca.key",
        "-out",
        "ca.crt",
    ])?;
    openssl(&[
        "req",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-subj",
        "/CN=localhost",
        "-keyout",
        "server.key",
        "-out",
        "server.csr",
    ])?;
    openssl(&[
        "x509",
        "-req",
        "-in",
        "server.csr",
        "-CA",
        "ca.crt",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "1",
        "-extfile",
        "server.ext",
        "-out",
        "server.crt",
    ])?;
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(file("server.key"), std::fs::Permissions::from_mode(0o600)).ok()?;
    if let Some((uid, gid)) = server.user {
        for name in ["server.crt", "server.key"] {
            std::os::unix::fs::chown(file(name), Some(uid), Some(gid)).ok()?;
        }
    }
    std::fs::read(file("ca.crt")).ok()
}

/// A server that accepts TLS connections only (pg_hba: `hostnossl … reject`):
/// a store that works against it is encrypted; one that does not trust the
/// certificate is refused; and a non-TLS server is refused when TLS is required.
#[test]
fn postgres_store_over_tls() {
    let mut pem = None;
    let Some(server) = start_with(|server| {
        pem = server_certificate(server);
        if pem.is_some() {
            let hba =
                "hostnossl all all 127.0.0.1/32 reject\nhostssl all all 127.0.0.1/32 trust\nlocal all all trust\n";
            std::fs::write(server.data.join("pg_hba.conf"), hba).unwrap();
            vec!["ssl=on".to_owned()]
        } else {
            Vec::new()
        }
    }) else {
        return;
    };
    let Some(pem) = pem else {
        assert!(
            std::env::var_os("ESIGN_WEBHOOKS_REQUIRE_POSTGRES").is_none(),
            "the PostgreSQL TLS test needs the openssl command (ESIGN_WEBHOOKS_REQUIRE_POSTGRES is set)"
        );
        eprintln!("NOTICE: openssl not found; the PostgreSQL TLS test is skipped");
        return;
    };

    // Plain is refused by this server: the store's error says so, and carries no password.
    let plain = PostgresStore::open(&server.url()).unwrap();
    let err = plain.claim(&key(1), ClaimToken::new(), lease()).unwrap_err();
    assert!(err.to_string().contains("pg_hba.conf"), "{err}");

    for mode in ["require", "verify-ca", "verify-full"] {
        let url = format!("{}?sslmode={mode}", server.url());
        // Verified against Mozilla's roots only: the self-signed certificate is refused.
        let untrusted = PostgresStore::open(&url).unwrap();
        let err = untrusted.claim(&key(2), ClaimToken::new(), lease()).unwrap_err();
        let chain = single_line_chain(&err).join(": ");
        assert!(
            chain.contains("TLS handshake") && chain.contains("invalid peer certificate: UnknownIssuer"),
            "{mode}: {chain}"
        );

        let store = PostgresStore::open_with_ca(&url, &pem).unwrap();
        store.migrate().unwrap();
        let token = ClaimToken::new();
        assert_eq!(
            store.claim(&key(3), token, lease()).unwrap(),
            ClaimOutcome::Claimed,
            "{mode}"
        );
        assert!(store.release(&key(3), token).unwrap());
        assert!(format!("{store:?}").contains("tls: true"), "{store:?}");
    }

    // CA certificates that are not PEM are refused when the store is made, not ignored.
    assert!(PostgresStore::open_with_ca("postgresql://x@127.0.0.1/db?sslmode=require", b"not pem").is_err());

    // A non-TLS server is refused when TLS is required, rather than spoken to in the clear.
    let Some(plain_server) = start() else { return };
    let required = PostgresStore::open_with_ca(&format!("{}?sslmode=require", plain_server.url()), &pem).unwrap();
    let err = required.claim(&key(4), ClaimToken::new(), lease()).unwrap_err();
    assert!(err.to_string().contains("TLS"), "{err}");
}

/// A store on the user's own client, and a key recorded inside the user's
/// transaction: committed with the work, or rolled back with it.
#[test]
fn postgres_store_on_the_users_client_and_transaction() {
    let Some(server) = start() else { return };
    PostgresStore::open(&server.url()).unwrap().migrate().unwrap();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (mut client, connection) = runtime
        .block_on(tokio_postgres::connect(&server.url(), tokio_postgres::NoTls))
        .unwrap();
    runtime.spawn(connection);
    let ttl = Duration::from_secs(60);

    runtime.block_on(async {
        // Rolled back: the key is not recorded.
        let tx = client.transaction().await.unwrap();
        assert!(PostgresStore::complete_in(&tx, &key(10), ttl).await.unwrap());
        tx.rollback().await.unwrap();
        // Committed: recorded once; a second transaction sees it done.
        let tx = client.transaction().await.unwrap();
        assert!(
            PostgresStore::complete_in(&tx, &key(10), ttl).await.unwrap(),
            "the rollback left nothing"
        );
        tx.commit().await.unwrap();
        let tx = client.transaction().await.unwrap();
        assert!(
            !PostgresStore::complete_in(&tx, &key(10), ttl).await.unwrap(),
            "already done"
        );
    });

    let (client, connection) = runtime
        .block_on(tokio_postgres::connect(&server.url(), tokio_postgres::NoTls))
        .unwrap();
    runtime.spawn(connection);
    let store = PostgresStore::from_client(client).unwrap();
    assert_eq!(
        store.claim(&key(10), ClaimToken::new(), lease()).unwrap(),
        ClaimOutcome::Done
    );
    let token = ClaimToken::new();
    assert_eq!(store.claim(&key(11), token, lease()).unwrap(), ClaimOutcome::Claimed);
    assert!(store.complete(&key(11), token, lease()).unwrap());
    assert!(format!("{store:?}").contains("from_client"));
    // The user's runtime goes away with the connection: the store fails, it does not reconnect.
    drop(runtime);
    let err = store.claim(&key(12), ClaimToken::new(), lease()).unwrap_err();
    assert_eq!(err.kind(), esign_webhooks::dedup::StoreErrorKind::Connection, "{err}");
}
