//! Authentication of OneSpan Sign callbacks: the callback key, an OAuth 2.0
//! bearer token your own server issued, a static custom header, or, by
//! explicit and loudly named choice, nothing.

use std::sync::Arc;

use crate::clock::Clock;
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::plugin::{VendorVerifier, private};
use crate::secret::Secret;
use crate::verify::{self, Verified};

/// The header OneSpan Sign puts the callback key (and an OAuth 2.0 token) in.
pub const AUTHORIZATION_HEADER: &str = "authorization";

/// Decides whether an OAuth 2.0 access token, presented by OneSpan Sign as
/// `Authorization: Bearer <token>`, is one your authorization server issued
/// and still valid.
///
/// With OAuth 2.0 callback authentication, OneSpan Sign obtains the token
/// from *your* authorization server (client credentials), so only your
/// server knows what a valid token is: introspect it (RFC 7662), check a JWT
/// against your keys, or look it up. Any `Fn(&str) -> bool + Send + Sync`
/// closure is a validator. Called once per request that carries a bearer
/// token, with the token as sent (never logged by the crate).
pub trait BearerValidator: Send + Sync + 'static {
    /// `true` when `token` is valid now.
    fn is_valid(&self, token: &str) -> bool;
}

impl<F: Fn(&str) -> bool + Send + Sync + 'static> BearerValidator for F {
    fn is_valid(&self, token: &str) -> bool {
        self(token)
    }
}

/// How OneSpan Sign callbacks are authenticated. OneSpan offers four
/// choices in its callback settings; each has a constructor:
///
/// * the **callback key** ("Basic" in the settings):
///   [`callback_key`](Verifier::callback_key);
/// * **OAuth 2.0**, a token from your own authorization server:
///   [`oauth2_bearer`](Verifier::oauth2_bearer);
/// * **static custom headers** (enabled by OneSpan support, up to five):
///   [`header_token`](Verifier::header_token) on one of them;
/// * **none**: [`dangerous_accept_unverified`](Verifier::dangerous_accept_unverified),
///   never a default.
///
/// Secrets are redacted from `Debug`; the validator is not shown.
///
/// ```
/// use esign_webhooks::{Secret, Webhooks, onespan};
/// let webhooks = Webhooks::builder()
///     .onespan(onespan::Verifier::callback_key(Secret::new("the-callback-key-you-set")))
///     .build()?;
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    method: Method,
}

// Built once per receiver and never moved on the request path: the
// engine's size (its pre-parsed header names) costs nothing there.
#[allow(clippy::large_enum_variant)]
#[derive(Clone)]
enum Method {
    /// The callback key, a static header, or nothing: the shared engine.
    Engine(verify::Verifier),
    /// An OAuth 2.0 bearer token, judged by the user's validator.
    Bearer(Arc<dyn BearerValidator>),
}

/// `Basic <key>`: the whole `Authorization` value OneSpan sends for a
/// callback key. A blank key stays blank, so that `build()` refuses it.
fn basic_value(key: &Secret) -> Secret {
    if key.is_blank() {
        return Secret::new("");
    }
    let mut value = b"Basic ".to_vec();
    value.extend_from_slice(key.expose());
    // Moved into the secret, not copied: no stray copy of the key is left.
    Secret::new(value)
}

impl Verifier {
    /// Checks the callback key: OneSpan sends it as `Authorization: Basic
    /// <callback key>`, the key **as you typed it** after `Basic ` (not the
    /// base64 of `user:password` that HTTP Basic authentication would be).
    /// The whole value is compared in constant time, its length hidden.
    pub fn callback_key(key: Secret) -> Self {
        Verifier {
            method: Method::Engine(verify::Verifier::header_token(AUTHORIZATION_HEADER, basic_value(&key))),
        }
    }

    /// Accepts one more callback key (a rotation): either is accepted.
    /// Ignored unless the verifier checks a callback key or a header.
    pub fn with_callback_key(self, key: Secret) -> Self {
        self.with_secret(basic_value(&key))
    }

    /// Checks an OAuth 2.0 access token, `Authorization: Bearer <token>`
    /// (RFC 6750), with your validator: OneSpan Sign obtains the token from
    /// your authorization server with the client credentials you configured,
    /// so only you can tell a valid one.
    ///
    /// ```
    /// use esign_webhooks::{Webhooks, onespan};
    /// let webhooks = Webhooks::builder()
    ///     .onespan(onespan::Verifier::oauth2_bearer(|token: &str| {
    ///         // e.g. introspect the token at your authorization server.
    ///         token == "a-token-your-server-issued"
    ///     }))
    ///     .build()?;
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn oauth2_bearer(validator: impl BearerValidator) -> Self {
        Verifier {
            method: Method::Bearer(Arc::new(validator)),
        }
    }

    /// Requires static custom header `name` to carry `token` (OneSpan
    /// support enables up to five custom headers per callback; put a secret
    /// value in one).
    pub fn header_token(name: impl Into<String>, token: Secret) -> Self {
        Verifier::from_engine(verify::Verifier::header_token(name, token))
    }

    /// Uses any engine verifier.
    pub fn from_engine(verifier: verify::Verifier) -> Self {
        Verifier {
            method: Method::Engine(verifier),
        }
    }

    /// Accepts every OneSpan Sign callback without any check: OneSpan's
    /// "None" authentication.
    ///
    /// Anyone who can reach the endpoint can then forge events. Keep the URL
    /// secret and confirm the package's state through OneSpan's API before
    /// acting on an event.
    pub fn dangerous_accept_unverified() -> Self {
        Verifier::from_engine(verify::Verifier::dangerous_accept_unverified())
    }

    /// Accepts one more secret for the header check (rotation). For a
    /// callback key, use [`with_callback_key`](Verifier::with_callback_key).
    pub fn with_secret(self, secret: Secret) -> Self {
        match self.method {
            Method::Engine(inner) => Verifier::from_engine(inner.with_secret(secret)),
            bearer @ Method::Bearer(_) => Verifier { method: bearer },
        }
    }

    /// The underlying engine verifier, unless the check is an OAuth 2.0 token.
    pub fn engine(&self) -> Option<&verify::Verifier> {
        match &self.method {
            Method::Engine(inner) => Some(inner),
            Method::Bearer(_) => None,
        }
    }
}

/// The token of `Authorization: Bearer <token>`, the header present once.
fn bearer_token<H: Headers + ?Sized>(headers: &H) -> Result<&[u8], Error> {
    let mut values = headers.values(AUTHORIZATION_HEADER);
    let value = values.next().ok_or_else(|| {
        Error::new(ErrorKind::MissingHeader {
            name: AUTHORIZATION_HEADER.to_owned(),
        })
    })?;
    if values.next().is_some() {
        return Err(Error::new(ErrorKind::DuplicateHeader {
            name: AUTHORIZATION_HEADER.to_owned(),
        }));
    }
    let value = value.trim_ascii();
    match value.get(..7) {
        Some(scheme) if scheme.eq_ignore_ascii_case(b"bearer ") => Ok(value.get(7..).unwrap_or_default().trim_ascii()),
        _ => Err(Error::new(ErrorKind::MalformedHeader {
            name: AUTHORIZATION_HEADER.to_owned(),
            reason: "not of the form `Bearer <token>`",
        })),
    }
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match &self.method {
            Method::Engine(inner) => f.debug_struct("Verifier").field("engine", inner).finish(),
            Method::Bearer(_) => f
                .debug_struct("Verifier")
                .field("oauth2_bearer", &"[validator]")
                .finish(),
        }
    }
}

impl private::Sealed for Verifier {}

impl VendorVerifier for Verifier {
    fn validate(&self) -> Result<(), Error> {
        match &self.method {
            Method::Engine(inner) => inner.validate(),
            Method::Bearer(_) => Ok(()),
        }
    }

    /// The configured header; for OAuth 2.0, `Authorization: Bearer`.
    fn identifies<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> bool {
        match &self.method {
            Method::Engine(inner) => inner.identifies(incoming),
            Method::Bearer(_) => incoming.headers().values(AUTHORIZATION_HEADER).any(|value| {
                value
                    .get(..7)
                    .is_some_and(|scheme| scheme.eq_ignore_ascii_case(b"bearer "))
            }),
        }
    }

    fn authenticate<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        match &self.method {
            Method::Engine(inner) => inner.verify(incoming, clock),
            Method::Bearer(validator) => {
                let token = bearer_token(incoming.headers())?;
                // A token that is not text is no token a server issued.
                let valid =
                    core::str::from_utf8(token).is_ok_and(|token| !token.is_empty() && validator.is_valid(token));
                if valid {
                    Ok(Verified::new(Some(0), None))
                } else {
                    Err(Error::new(ErrorKind::AuthenticationFailed))
                }
            }
        }
    }

    /// The engine's methods: the callback key is `method = "header_token"`,
    /// `header = "Authorization"`, the secret being `Basic <callback key>`.
    /// OAuth 2.0 needs code (a validator), not a file.
    fn from_config(
        table: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        table
            .engine_verifier(crate::Vendor::OneSpan.slug(), None, env)
            .map(Verifier::from_engine)
    }

    fn is_unverified(&self) -> bool {
        matches!(&self.method, Method::Engine(inner) if inner.is_unverified())
    }
}
