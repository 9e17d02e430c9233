//! Says, in the output of `cargo test`, which groups of tests this run did not
//! compile (they need a cargo feature, or a package of the workspace that
//! `cargo test` at the root leaves out) and the one command that runs them all.
//! A plain `main` (`harness = false` in Cargo.toml), so its lines are printed
//! whatever libtest captures; it always passes.

/// A group of tests, the features it needs, and whether this run has them.
struct Group {
    what: &'static str,
    features: &'static str,
    enabled: bool,
}

fn main() {
    let groups = [
        Group {
            what: "HTTP round trips through the axum, actix-web, hyper and tower examples (tests/roundtrip.rs), \
                   the simulator matrix of every vendor × every entry point (tests/simulator_matrix.rs) \
                   and the multi-tenant glue (tests/tenant_glue.rs)",
            features: "axum,actix,tower",
            enabled: cfg!(all(feature = "axum", feature = "actix", feature = "tower")),
        },
        Group {
            what: "the README's snippets as doctests, and the axum extractor on the split path",
            features: "axum",
            enabled: cfg!(feature = "axum"),
        },
        Group {
            what: "tracing spans and start-up warnings (tests/tracing.rs)",
            features: "tracing",
            enabled: cfg!(feature = "tracing"),
        },
        Group {
            what: "the Redis store against a real redis-server (tests/redis_store.rs)",
            features: "redis,conformance",
            enabled: cfg!(all(feature = "redis", feature = "conformance")),
        },
        Group {
            what: "the PostgreSQL store against a real server (tests/postgres_store.rs)",
            features: "postgres,conformance",
            enabled: cfg!(all(feature = "postgres", feature = "conformance")),
        },
        Group {
            what: "the PostgreSQL inbox against a real server (tests/postgres_inbox.rs)",
            features: "inbox,postgres,conformance",
            enabled: cfg!(all(feature = "inbox", feature = "postgres", feature = "conformance")),
        },
        Group {
            what: "the Redis Streams inbox against a real redis-server (tests/redis_inbox.rs)",
            features: "inbox,redis,conformance",
            enabled: cfg!(all(feature = "inbox", feature = "redis", feature = "conformance")),
        },
        Group {
            what: "the NATS JetStream inbox against a real nats-server (tests/nats_inbox.rs)",
            features: "inbox,nats,conformance",
            enabled: cfg!(all(feature = "inbox", feature = "nats", feature = "conformance")),
        },
        Group {
            what: "the inbox: receivers, workers and the inbox conformance suite on MemoryInbox (tests/inbox.rs)",
            features: "inbox,conformance",
            enabled: cfg!(all(feature = "inbox", feature = "conformance")),
        },
        Group {
            what: "the store conformance suite on MemoryStore (tests/store_conformance.rs)",
            features: "conformance",
            enabled: cfg!(feature = "conformance"),
        },
        Group {
            what: "the reqwest transport for Ignisign's token check against a loopback mock",
            features: "reqwest",
            enabled: cfg!(feature = "reqwest"),
        },
    ];
    let mut skipped = 0;
    for group in groups.iter().filter(|group| !group.enabled) {
        println!("skipped (needs --features {}): {}", group.features, group.what);
        skipped += 1;
    }
    // `cargo test` at the workspace root tests the library only.
    println!("not run by `cargo test` at the root: the command-line tool's tests (cargo test -p esign-webhooks-cli)");
    if skipped > 0 {
        println!(
            "run every test, servers included: scripts/test-all \
             (installs redis-server, PostgreSQL and nats-server if missing, then cargo test --workspace --all-features)"
        );
    }
}
