//! The Adobe Acrobat Sign check: the `X-AdobeSign-ClientId` request header
//! against the configured client ids, and optionally a URL token.

use crate::clock::Clock;
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::plugin::{VendorVerifier, private};
use crate::secret::Secret;
use crate::verify::{self, Verified};

/// The header Acrobat Sign sends on every notification and on the GET
/// verification of intent, and that the response must echo.
pub const CLIENT_ID_HEADER: &str = "X-AdobeSign-ClientId";

/// How Adobe Acrobat Sign notifications are authenticated: Acrobat Sign signs
/// nothing; each request carries the client id of the API application that
/// created the webhook, which you allow-list here.
///
/// See the [module docs](super) for what this proves (little) and how to add
/// a URL token ([`with_query_token`](Verifier::with_query_token)) or mutual TLS.
///
/// ```
/// use esign_webhooks::{Secret, Webhooks, adobesign};
/// let webhooks = Webhooks::builder()
///     .adobesign(adobesign::Verifier::client_ids(["CBJCHBCAABAAxxxxClientIdOfYourApp"])
///         .with_query_token("token", Secret::new("a-long-random-url-token")))
///     .build()?;
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Clone)]
pub struct Verifier {
    client_ids: Vec<Secret>,
    url_token: Option<verify::Verifier>,
}

impl Verifier {
    /// Accepts requests whose `X-AdobeSign-ClientId` is one of `ids` (the
    /// client ids of the API applications that created your webhooks).
    pub fn client_ids<I, S>(ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Verifier {
            client_ids: ids.into_iter().map(|id| Secret::new(id.into())).collect(),
            url_token: None,
        }
    }

    /// Also requires query parameter `name` of the URL you registered with
    /// Acrobat Sign (`https://example.com/hooks/adobe?token=…`) to carry
    /// `token`. Pass requests with their URI
    /// ([`Webhooks::dispatch_incoming`](crate::Webhooks::dispatch_incoming)).
    pub fn with_query_token(mut self, name: impl Into<String>, token: Secret) -> Self {
        self.url_token = Some(verify::Verifier::query_token(name, token));
        self
    }

    /// Also requires `Authorization: Basic` with these credentials (a URL
    /// `https://user:password@host/…` makes most clients send it).
    pub fn with_basic_auth(mut self, username: impl Into<String>, password: Secret) -> Self {
        self.url_token = Some(verify::Verifier::basic_auth(username, password));
        self
    }

    /// The configured client id the request's header matches: every id is
    /// compared, in constant time.
    pub(super) fn matching_client_id<H: Headers + ?Sized>(&self, headers: &H) -> Result<usize, Error> {
        let mut values = headers.values(CLIENT_ID_HEADER);
        let value = values.next().ok_or_else(|| {
            Error::new(ErrorKind::MissingHeader {
                name: CLIENT_ID_HEADER.to_owned(),
            })
        })?;
        if values.next().is_some() {
            return Err(Error::new(ErrorKind::DuplicateHeader {
                name: CLIENT_ID_HEADER.to_owned(),
            }));
        }
        let received = value.trim_ascii();
        let mut found = None;
        for (index, id) in self.client_ids.iter().enumerate() {
            // Digests compared, so an id's length does not show in the timing either.
            if bool::from(crate::verify::tokens_equal(received, id.expose())) && found.is_none() {
                found = Some(index);
            }
        }
        found.ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))
    }

    /// Checks a request: its client id, then the URL token if configured.
    pub(super) fn check<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<(usize, Verified), Error> {
        let index = self.matching_client_id(incoming.headers())?;
        if let Some(token) = &self.url_token {
            // The clock is not read: token checks sign no timestamp.
            token.verify_at(incoming, 0)?;
        }
        Ok((index, Verified::new(Some(index), None)))
    }

    /// The configured client id at `index`, as text.
    pub(super) fn client_id(&self, index: usize) -> Option<super::ClientId> {
        let id = self.client_ids.get(index)?;
        let text = core::str::from_utf8(id.expose()).ok()?;
        Some(super::ClientId(text.to_owned()))
    }
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Verifier")
            .field("client_ids", &format_args!("{} [REDACTED]", self.client_ids.len()))
            .field("url_token", &self.url_token)
            .finish()
    }
}

impl private::Sealed for Verifier {}

/// The checks of the vendor's own proof (see [`VendorVerifier`]).
impl VendorVerifier for Verifier {
    fn validate(&self) -> Result<(), Error> {
        if self.client_ids.is_empty() {
            return Err(Error::configuration("no Adobe Acrobat Sign client id is configured"));
        }
        if self.client_ids.iter().any(Secret::is_blank) {
            return Err(Error::configuration(
                "an Adobe Acrobat Sign client id is empty or blank",
            ));
        }
        self.url_token.as_ref().map_or(Ok(()), verify::Verifier::validate)
    }

    /// The request carries `X-AdobeSign-ClientId`.
    fn identifies<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> bool {
        incoming.headers().values(CLIENT_ID_HEADER).next().is_some()
    }

    fn authenticate<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>, _: &dyn Clock) -> Result<Verified, Error> {
        self.check(incoming).map(|(_, verified)| verified)
    }

    /// The engine's secret keys (`secret_env` …: the client ids), and the URL
    /// check of [`with_query_token`](Verifier::with_query_token)
    /// (`query_parameter` and `query_token_env`) or
    /// [`with_basic_auth`](Verifier::with_basic_auth) (`username` and
    /// `password_env`), read here.
    fn read_table<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<crate::config::VendorConfig, A::Error> {
        super::config::read_table(map)
    }

    /// `secret_env`: the variable(s) holding the value, several for a rotation.
    fn from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        let ids = config.vendor_secrets(crate::Vendor::AdobeSign, env)?;
        let verifier = Verifier::client_ids(ids.iter().map(|id| String::from_utf8_lossy(id.expose()).into_owned()));
        super::config::with_url_check(verifier, config, env)
    }
}
