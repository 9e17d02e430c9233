//! How a [`PostgresStore`](super::PostgresStore) reaches its server: the
//! connection string, the TLS policy it implies, and the connection itself.
//! One place, so that every PostgreSQL connection the crate makes follows the
//! same rules.
//!
//! TLS is rustls (through `tokio-postgres-rustls`, the rustls adapter for
//! `tokio-postgres`, on `ring`, the provider the crate's other rustls users
//! already pull in): no OpenSSL to link, and certificates are always verified,
//! chain and host name.

use std::sync::Arc;

use tokio_postgres::config::SslMode;
use tokio_postgres::{Client, Config, NoTls};
use tokio_postgres_rustls::MakeRustlsConnect;

use crate::dedup::{StoreError, StoreErrorKind};

/// Whether, and how, a connection is encrypted.
#[derive(Clone)]
pub(crate) enum Tls {
    /// Plain TCP or a Unix socket: `sslmode` absent, `disable` or `prefer`.
    Plain,
    /// TLS or nothing: `sslmode=require`, `verify-ca` or `verify-full`. The
    /// certificate is verified (chain and host name) in every case: a
    /// `require` that does not verify protects against nothing but a
    /// passive eavesdropper, and a verified one costs only a trusted CA.
    Required(MakeRustlsConnect),
}

/// A parsed connection string and its TLS policy.
#[derive(Clone)]
pub(crate) struct Target {
    pub(crate) config: Config,
    pub(crate) tls: Tls,
}

/// `url` (`postgresql://…` or `key=value …`), with the `sslmode`s that
/// `tokio-postgres` does not parse (`verify-ca`, `verify-full`) read here;
/// `extra_roots_pem` are CA certificates (PEM) trusted besides the Mozilla
/// roots (`webpki-roots`).
pub(crate) fn parse(url: &str, extra_roots_pem: Option<&[u8]>) -> Result<Target, StoreError> {
    let verify = url.contains("sslmode=verify-full") || url.contains("sslmode=verify-ca");
    // `tokio-postgres` knows disable / prefer / require only; we verify in
    // every required mode, so both verify modes are `require` to it.
    let normalised = url
        .replace("sslmode=verify-full", "sslmode=require")
        .replace("sslmode=verify-ca", "sslmode=require");
    let config: Config = normalised.parse().map_err(|_| {
        StoreError::text(
            StoreErrorKind::Other,
            "invalid PostgreSQL connection string (it is not repeated here)",
        )
    })?;
    let tls = match config.get_ssl_mode() {
        SslMode::Require => Tls::Required(rustls_connector(extra_roots_pem)?),
        _ if verify => Tls::Required(rustls_connector(extra_roots_pem)?),
        // Plain, as before TLS was supported: `prefer` would otherwise turn a
        // working local server with a self-signed certificate into a failure.
        _ => Tls::Plain,
    };
    Ok(Target { config, tls })
}

/// A verifying rustls connector: Mozilla's roots, and `extra_roots_pem`.
fn rustls_connector(extra_roots_pem: Option<&[u8]>) -> Result<MakeRustlsConnect, StoreError> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;

    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(pem) = extra_roots_pem {
        let mut added = 0usize;
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert =
                cert.map_err(|_| StoreError::text(StoreErrorKind::Other, "the CA certificates are not valid PEM"))?;
            roots.add(cert).map_err(|err| {
                StoreError::text(
                    StoreErrorKind::Other,
                    format_args!("a CA certificate was refused: {err}"),
                )
            })?;
            added += 1;
        }
        if added == 0 {
            return Err(StoreError::text(
                StoreErrorKind::Other,
                "no CA certificate found in the PEM given",
            ));
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|err| StoreError::text(StoreErrorKind::Other, format_args!("TLS configuration: {err}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// Connects, and drives the connection on the current runtime.
pub(crate) async fn connect(target: &Target) -> Result<Client, tokio_postgres::Error> {
    match &target.tls {
        Tls::Plain => {
            let (client, connection) = target.config.connect(NoTls).await?;
            tokio::spawn(connection);
            Ok(client)
        }
        Tls::Required(tls) => {
            let (client, connection) = target.config.connect(tls.clone()).await?;
            tokio::spawn(connection);
            Ok(client)
        }
    }
}

/// Connects for `LISTEN`: drives the connection on the current runtime and
/// wakes every waiter of `notify` at each notification (the PostgreSQL
/// inbox's wake-ups). The task ends with the connection.
#[cfg(feature = "inbox")]
pub(crate) async fn connect_listening(
    target: &Target,
    notify: Arc<tokio::sync::Notify>,
) -> Result<Client, tokio_postgres::Error> {
    fn drive<S, T>(mut connection: tokio_postgres::Connection<S, T>, notify: Arc<tokio::sync::Notify>)
    where
        S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
        T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    {
        tokio::spawn(async move {
            while let Some(message) = std::future::poll_fn(|cx| connection.poll_message(cx)).await {
                match message {
                    Ok(tokio_postgres::AsyncMessage::Notification(_)) => notify.notify_waiters(),
                    Ok(_) => {}
                    Err(_) => break,
                }
            }
            // Whoever waits looks again (and finds the listener closed).
            notify.notify_waiters();
        });
    }
    match &target.tls {
        Tls::Plain => {
            let (client, connection) = target.config.connect(NoTls).await?;
            drive(connection, notify);
            Ok(client)
        }
        Tls::Required(tls) => {
            let (client, connection) = target.config.connect(tls.clone()).await?;
            drive(connection, notify);
            Ok(client)
        }
    }
}
