//! [`Webhooks`]: the configured receiver, and its builder.

use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::dispatch::{Event, VerifiedBody, vendors::Vendors};
use crate::error::{Error, ErrorKind, not_configured};
use crate::headers::{Headers, Incoming};
use crate::plugin::{Authenticated, BodyShape};
use crate::trace;
use crate::vendor::Vendor;
use crate::vendor::VendorSet;
use crate::verify::Verified;

/// The default body size limit for vendors that document no larger body: 1 MiB.
/// The default of a [`Webhooks`] is the largest of its configured vendors'
/// documented maximum (Adobe Acrobat Sign: 10 MiB), see [`WebhooksBuilder`].
pub const DEFAULT_MAX_BODY_SIZE: usize = 1024 * 1024;

// The plug-ins' default and the public constant are one number.
const _: () = assert!(DEFAULT_MAX_BODY_SIZE == crate::plugin::DEFAULT_BODY_LIMIT);

/// The largest body `vendor` documents sending (its plug-in's `MAX_BODY_SIZE`).
macro_rules! declared_limits {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        fn declared_limit(vendor: Vendor) -> usize {
            match vendor {
                $(#[cfg(feature = $feature)] Vendor::$variant => <crate::$module::$marker as crate::plugin::Plugin>::MAX_BODY_SIZE,)*
                #[allow(unreachable_patterns)]
                _ => DEFAULT_MAX_BODY_SIZE,
            }
        }
    };
}

crate::vendor::vendor_table!(declared_limits);

/// The default limit for `vendors`: the largest any of them documents, so
/// that no documented delivery of a configured vendor is refused 413.
fn default_limit(vendors: VendorSet) -> usize {
    vendors
        .iter()
        .map(declared_limit)
        .max()
        .unwrap_or(DEFAULT_MAX_BODY_SIZE)
}

/// A receiver configured with each vendor's credentials: turns a request's
/// raw body and headers into a verified, typed [`Event`].
///
/// Build it once at start-up with [`Webhooks::builder`] and share it: it is
/// cheap to clone (an `Arc`) and `Send + Sync`.
///
/// ```
/// use esign_webhooks::{Event, Secret, Webhooks, signplus};
///
/// let webhooks = Webhooks::builder()
///     .signplus(signplus::Verifier::header_token("x-webhook-token", Secret::new("t0ken")))
///     .build()?;
///
/// let body = br#"{"hook":{"id":"6697ccb204bd194fa74c22b4","event":"envelope_completed","target":"https://example.com/hooks"},
///               "data":{"id":"6697ccb204bd194fa74c22b4","uid":"4a6e29bfc5344ca6ad7cc8beda456481","envelope_id":"6697e681c5e364c7c23710d4","file_name":"dummy"}}"#;
/// let event = webhooks.dispatch(body, &[("X-Webhook-Token", "t0ken")])?;
/// assert!(matches!(event, Event::SignPlus(_)));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Webhooks {
    config: Arc<Config>,
}

#[derive(Debug)]
struct Config {
    vendors: Vendors,
    max_body_size: usize,
    clock: Arc<dyn Clock>,
}

/// Configures a [`Webhooks`]. Every setting has a documented default.
///
/// | Setting | Default |
/// |---|---|
/// | vendors | none: at least one is required, and only configured vendors are accepted |
/// | [`max_body_size`](WebhooksBuilder::max_body_size) | the largest body any configured vendor documents: 10 MiB with Adobe Acrobat Sign (notifications up to 10 MB), [`DEFAULT_MAX_BODY_SIZE`] (1 MiB) otherwise |
/// | [`clock`](WebhooksBuilder::clock) | [`SystemClock`] |
/// | timestamp tolerance | 300 s both ways, set per scheme ([`HmacScheme::with_tolerance`](crate::verify::HmacScheme::with_tolerance)) |
///
/// There is one method per vendor, named after the vendor's module
/// (`.signplus(signplus::Verifier::…)`), taking that module's `Verifier`.
#[derive(Debug)]
#[must_use = "call build() to get a Webhooks"]
pub struct WebhooksBuilder {
    pub(crate) vendors: Vendors,
    /// `None`: follow the configured vendors ([`default_limit`]).
    max_body_size: Option<usize>,
    clock: Arc<dyn Clock>,
}

impl Default for WebhooksBuilder {
    fn default() -> Self {
        WebhooksBuilder {
            vendors: Vendors::default(),
            max_body_size: None,
            clock: Arc::new(SystemClock),
        }
    }
}

impl WebhooksBuilder {
    /// Refuses bodies larger than `bytes` before any parsing or hashing.
    /// The default is the largest body any configured vendor documents (10 MiB
    /// with Adobe Acrobat Sign, 1 MiB otherwise); a value set here replaces it,
    /// for every vendor. Your web framework's own limit should be at least as large.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = Some(bytes);
        self
    }

    /// Reads the time from `clock` (default [`SystemClock`]). Tests pass a
    /// [`FixedClock`](crate::FixedClock).
    pub fn clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Checks the configuration and builds the receiver.
    ///
    /// Fails with [`ErrorKind::Configuration`] when no vendor is configured,
    /// a secret or header name is empty, or the Ignisign app id is empty.
    pub fn build(self) -> Result<Webhooks, Error> {
        if self.vendors.configured() == VendorSet::default() {
            return Err(Error::configuration("no vendor is configured"));
        }
        self.vendors.validate()?;
        let max_body_size = self
            .max_body_size
            .unwrap_or_else(|| default_limit(self.vendors.configured()));
        Ok(Webhooks {
            config: Arc::new(Config {
                vendors: self.vendors,
                max_body_size,
                clock: self.clock,
            }),
        })
    }
}

/// One setter per vendor of the vendor table, generated here (not in
/// `vendors.rs`, which the builder uses) so that the two files do not name
/// each other.
macro_rules! builder_setters {
    ([] $($variant:ident $module:ident $marker:ident $slug:literal $name:literal $feature:literal;)*) => {
        impl WebhooksBuilder {
            $(
                #[cfg(feature = $feature)]
                #[cfg_attr(docsrs, doc(cfg(feature = $feature)))]
                #[doc = concat!("Accepts ", $name, " deliveries, authenticated by `verifier` (see [`",
                    stringify!($module), "::Verifier`](crate::", stringify!($module), "::Verifier)).")]
                pub fn $module(mut self, verifier: crate::$module::Verifier) -> Self {
                    self.vendors = self.vendors.$module(verifier);
                    self
                }
            )*
        }
    };
}

crate::vendor::vendor_table!(builder_setters);

impl Webhooks {
    /// Starts a configuration. See [`WebhooksBuilder`] for the defaults.
    pub fn builder() -> WebhooksBuilder {
        WebhooksBuilder::default()
    }

    /// Verifies a request and parses it into a typed [`Event`].
    ///
    /// `body` must be the raw bytes received, before any JSON parsing:
    /// re-serialised JSON no longer matches its signature. The vendor is told
    /// by the headers first (a configured signature or token header, an
    /// `Authorization: Basic` header or query token for vendors configured
    /// so), then by the body's shape; only configured vendors are accepted,
    /// and bodies over the size limit are refused before anything else.
    ///
    /// Use [`dispatch_incoming`](Webhooks::dispatch_incoming) when a vendor is
    /// authenticated by a token in the URL's query string.
    pub fn dispatch<H: Headers + ?Sized>(&self, body: &[u8], headers: &H) -> Result<Event, Error> {
        self.dispatch_incoming(&Incoming::new(body, headers))
    }

    /// Like [`dispatch`](Webhooks::dispatch), for a request that may carry a
    /// query string ([`Incoming::with_uri`]).
    pub fn dispatch_incoming<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<Event, Error> {
        let mut verified = Verified::new(None, None);
        self.dispatch_traced(incoming, &mut verified)
    }

    /// Like [`dispatch_incoming`](Webhooks::dispatch_incoming), and also
    /// returns what the check established ([`Verified::key_index`]: which
    /// configured secret matched, to tell when the old secret of a rotation
    /// is no longer used).
    pub fn dispatch_verified<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
    ) -> Result<(Event, Verified), Error> {
        let mut verified = Verified::new(None, None);
        let event = self.dispatch_traced(incoming, &mut verified)?;
        Ok((event, verified))
    }

    /// `dispatch` in its span; what the check established is written to
    /// `verified`. The event is returned alone, not in a tuple, so that it is
    /// built where the caller's result lies: [`Event`] is as large as its
    /// largest vendor's, and every move of it is a copy.
    fn dispatch_traced<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        verified: &mut Verified,
    ) -> Result<Event, Error> {
        let delivery = trace::Delivery::start();
        let result = self.dispatch_untraced(incoming, verified);
        match &result {
            Ok(event) => delivery.accepted(event.vendor(), || event.kind_name(), verified.key_index()),
            Err(err) => delivery.rejected(err),
        }
        result
    }

    fn dispatch_untraced<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        verified: &mut Verified,
    ) -> Result<Event, Error> {
        self.check_size(incoming.body())?;
        self.setup_request(incoming)?;
        let (vendor, by_signal) = self.choose(incoming)?;
        let config = &self.config;
        // The failure is rewritten inside `receive`, so that the event is
        // built in this function's result and never copied on the way out.
        let explain = |err: Error| match err.kind() {
            ErrorKind::MalformedPayload { .. } if by_signal => explain_mismatch(vendor, incoming.body()).unwrap_or(err),
            _ => err,
        };
        config
            .vendors
            .receive(vendor, incoming, config.clock.as_ref(), verified, explain)
    }

    /// Verifies a request without parsing it, keeping its raw bytes: answer
    /// the vendor at once, queue [`VerifiedBody::into_owned`] (or its
    /// [`to_stored`](VerifiedBody::to_stored) form) and
    /// [`parse`](VerifiedBody::parse) it later.
    ///
    /// The [`VerifiedBody`] records which part of the body the check covered,
    /// located with the request's headers (Dropbox Sign's `json` field, found
    /// with the boundary of `Content-Type`), and its parse reads that part
    /// only: `verify` then [`VerifiedBody::parse`] gives exactly the event
    /// [`dispatch`](Webhooks::dispatch) gives, or the same refusal.
    ///
    /// For Ignisign, verification at this stage means the local checks (required
    /// fields, app id, environment); the token is confirmed on the parsed
    /// [`ignisign::Delivery`](crate::ignisign::Delivery).
    pub fn verify<'a, H: Headers + ?Sized>(&self, body: &'a [u8], headers: &H) -> Result<VerifiedBody<'a>, Error> {
        let (vendor, authenticated) = self.authenticate(&Incoming::new(body, headers))?;
        Ok(VerifiedBody::new(vendor, body, authenticated))
    }

    /// Like [`verify`](Webhooks::verify), for a request that may carry a query string.
    pub fn verify_incoming<'a, H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'a, H>,
    ) -> Result<VerifiedBody<'a>, Error> {
        let (vendor, authenticated) = self.authenticate(incoming)?;
        Ok(VerifiedBody::new(vendor, incoming.body(), authenticated))
    }

    /// Size limit, identification and authentication, without the typed parse.
    pub(crate) fn authenticate<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
    ) -> Result<(Vendor, Authenticated), Error> {
        self.check_size(incoming.body())?;
        self.setup_request(incoming)?;
        let (vendor, _) = self.choose(incoming)?;
        let config = &self.config;
        let authenticated = config.vendors.authenticate(vendor, incoming, config.clock.as_ref())?;
        Ok((vendor, authenticated))
    }

    /// The answer to a request of a vendor's that is not a delivery (Adobe
    /// Acrobat Sign's GET verification of intent), when a configured vendor
    /// recognises it. Call it for requests other than `POST`.
    ///
    /// It sees the headers only: a vendor configured with a URL query token
    /// answers 401 here, since the token cannot be checked (an `Authorization:
    /// Basic` credential is checked). Prefer
    /// [`intent_response_incoming`](Webhooks::intent_response_incoming), which
    /// sees the query too.
    pub fn intent_response<H: Headers + ?Sized>(&self, headers: &H) -> Option<http::Response<Vec<u8>>> {
        self.config.vendors.intent_response(&Incoming::new(&[], headers))
    }

    /// Like [`intent_response`](Webhooks::intent_response), for the whole
    /// request ([`Incoming::from_request`], [`Incoming::with_uri`]): the
    /// vendor's configured credentials are checked as for a delivery, the URL
    /// query token included.
    ///
    /// ```
    /// use esign_webhooks::{Incoming, Secret, Webhooks, adobesign};
    ///
    /// let webhooks = Webhooks::builder()
    ///     .adobesign(adobesign::Verifier::client_ids(["my-client-id"])
    ///         .with_query_token("token", Secret::new("url-t0ken")))
    ///     .build()?;
    /// let get = |uri: &str| http::Request::get(uri).header("X-AdobeSign-ClientId", "my-client-id").body(Vec::new()).unwrap();
    /// let answer = |request: &http::Request<Vec<u8>>| {
    ///     webhooks.intent_response_incoming(&Incoming::from_request(request)).map(|r| r.status())
    /// };
    /// assert_eq!(answer(&get("/hooks?token=url-t0ken")), Some(http::StatusCode::OK));
    /// assert_eq!(answer(&get("/hooks?token=wrong")), Some(http::StatusCode::UNAUTHORIZED));
    /// assert_eq!(answer(&get("/hooks")), Some(http::StatusCode::UNAUTHORIZED));
    /// # Ok::<(), esign_webhooks::Error>(())
    /// ```
    pub fn intent_response_incoming<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
    ) -> Option<http::Response<Vec<u8>>> {
        self.config.vendors.intent_response(incoming)
    }

    /// Stops a configured vendor's setup handshake before identification and
    /// authentication ([`ErrorKind::SetupRequest`], answered with
    /// [`Error::setup_response`], or a refused unsigned dashboard test): it
    /// is never parsed as an event, and so never reaches a callback.
    fn setup_request<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<(), Error> {
        match self.config.vendors.setup_request(incoming) {
            Some(err) => Err(err),
            None => Ok(()),
        }
    }

    fn check_size(&self, body: &[u8]) -> Result<(), Error> {
        let limit = self.config.max_body_size;
        if body.len() > limit {
            return Err(Error::new(ErrorKind::PayloadTooLarge {
                size: body.len(),
                limit,
            }));
        }
        Ok(())
    }

    /// The vendor, told by evidence from the configured plug-ins: the one
    /// whose configured credential the request carries; among several, the
    /// one whose shape the body has; with none, the configured vendor whose
    /// shape the body has. Returns whether a credential named it.
    fn choose<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<(Vendor, bool), Error> {
        let vendors = &self.config.vendors;
        let signalled = vendors.signalled(incoming);
        if let Some(vendor) = signalled.single() {
            return Ok((vendor, true));
        }
        let shape = BodyShape::of(incoming.body());
        if signalled.len() > 1 {
            // Several vendors' credentials are present: let the body decide among
            // them, distinctive keys first.
            let (strong, weakly) = Vendors::claimed_among(&shape, signalled);
            let chosen = if strong.len() > 0 { strong } else { weakly };
            return match chosen.single() {
                Some(vendor) => Ok((vendor, true)),
                None => Err(Error::new(ErrorKind::AmbiguousVendor {
                    candidates: signalled.to_vec(),
                })),
            };
        }
        // The configured vendors are asked first: on the usual request that is
        // the answer, and the other vendors' claims only shape the error.
        let (configured, _) = Vendors::claimed_among(&shape, vendors.configured());
        if let Some(vendor) = configured.single() {
            return Ok((vendor, false));
        }
        let (claimed, _) = Vendors::claimed(&shape);
        if configured.len() > 1 || claimed.len() > 1 {
            return Err(Error::new(ErrorKind::AmbiguousVendor {
                candidates: claimed.to_vec(),
            }));
        }
        if let Some(vendor) = claimed.single() {
            return Err(not_configured(vendor));
        }
        match shape.into_json_error() {
            Some(err) => Err(Error::malformed_payload(incoming.body(), err)),
            None => Err(Error::new(ErrorKind::UnrecognizedVendor)),
        }
    }

    /// The body size limit in bytes.
    pub fn max_body_size(&self) -> usize {
        self.config.max_body_size
    }

    /// The vendors this receiver accepts.
    pub fn vendors(&self) -> Vec<Vendor> {
        self.config.vendors.configured().to_vec()
    }
}

/// When a request authenticated for one vendor carries another vendor's
/// body, says so rather than reporting a confusing parse error.
fn explain_mismatch(by_headers: Vendor, body: &[u8]) -> Option<Error> {
    let by_body = Vendors::claimed(&BodyShape::of(body)).0.single()?;
    (by_body != by_headers)
        .then(|| Error::new(ErrorKind::VendorMismatch { by_headers, by_body }).with_vendor(by_headers))
}
