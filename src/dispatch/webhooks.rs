//! [`Webhooks`]: the configured receiver, and its builder.

use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::dispatch::{Event, VerifiedBody, shape};
use crate::error::{Error, ErrorKind};
use crate::headers::{Headers, Incoming};
use crate::trace;
use crate::{Vendor, constellation, esignglobal, ignisign, signplus};

/// The default body size limit: 1 MiB.
pub const DEFAULT_MAX_BODY_SIZE: usize = 1024 * 1024;

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
    esignglobal: Option<esignglobal::Verifier>,
    ignisign: Option<ignisign::Verifier>,
    signplus: Option<signplus::Verifier>,
    constellation: Option<constellation::Verifier>,
    max_body_size: usize,
    clock: Arc<dyn Clock>,
}

/// Configures a [`Webhooks`]. Every setting has a documented default.
///
/// | Setting | Default |
/// |---|---|
/// | vendors | none: at least one is required, and only configured vendors are accepted |
/// | [`max_body_size`](WebhooksBuilder::max_body_size) | [`DEFAULT_MAX_BODY_SIZE`] (1 MiB) |
/// | [`clock`](WebhooksBuilder::clock) | [`SystemClock`] |
/// | timestamp tolerance | 300 s both ways, set per scheme ([`HmacScheme::with_tolerance`](crate::verify::HmacScheme::with_tolerance)) |
#[derive(Debug)]
#[must_use = "call build() to get a Webhooks"]
pub struct WebhooksBuilder {
    esignglobal: Option<esignglobal::Verifier>,
    ignisign: Option<ignisign::Verifier>,
    signplus: Option<signplus::Verifier>,
    constellation: Option<constellation::Verifier>,
    max_body_size: usize,
    clock: Arc<dyn Clock>,
}

impl Default for WebhooksBuilder {
    fn default() -> Self {
        WebhooksBuilder {
            esignglobal: None,
            ignisign: None,
            signplus: None,
            constellation: None,
            max_body_size: DEFAULT_MAX_BODY_SIZE,
            clock: Arc::new(SystemClock),
        }
    }
}

impl WebhooksBuilder {
    /// Accepts eSignGlobal deliveries, authenticated by `verifier`.
    pub fn esignglobal(mut self, verifier: esignglobal::Verifier) -> Self {
        self.esignglobal = Some(verifier);
        self
    }

    /// Accepts Ignisign deliveries for one application and environment.
    pub fn ignisign(mut self, verifier: ignisign::Verifier) -> Self {
        self.ignisign = Some(verifier);
        self
    }

    /// Accepts Sign.Plus deliveries, authenticated by `verifier`.
    pub fn signplus(mut self, verifier: signplus::Verifier) -> Self {
        self.signplus = Some(verifier);
        self
    }

    /// Accepts Constellation1 eSign deliveries, authenticated by `verifier`.
    pub fn constellation(mut self, verifier: constellation::Verifier) -> Self {
        self.constellation = Some(verifier);
        self
    }

    /// Refuses bodies larger than `bytes` before any parsing or hashing
    /// (default 1 MiB). Your web framework's own limit should be at least as large.
    pub fn max_body_size(mut self, bytes: usize) -> Self {
        self.max_body_size = bytes;
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
        let mut configured = false;
        let engines = [
            (Vendor::EsignGlobal, self.esignglobal.as_ref().map(|v| &v.inner)),
            (Vendor::SignPlus, self.signplus.as_ref().map(|v| &v.inner)),
            (Vendor::Constellation, self.constellation.as_ref().map(|v| &v.inner)),
        ];
        for (vendor, engine) in engines {
            let Some(engine) = engine else { continue };
            configured = true;
            engine.validate().map_err(|err| err.with_vendor(vendor))?;
            if engine.is_unverified() {
                trace::dangerous("dangerous_accept_unverified", Some(vendor));
            }
        }
        if let Some(ignisign) = &self.ignisign {
            configured = true;
            ignisign.validate().map_err(|err| err.with_vendor(Vendor::Ignisign))?;
        }
        if !configured {
            return Err(Error::configuration("no vendor is configured"));
        }
        Ok(Webhooks {
            config: Arc::new(Config {
                esignglobal: self.esignglobal,
                ignisign: self.ignisign,
                signplus: self.signplus,
                constellation: self.constellation,
                max_body_size: self.max_body_size,
                clock: self.clock,
            }),
        })
    }
}

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
        let delivery = trace::Delivery::start();
        delivery.finish(self.dispatch_untraced(incoming))
    }

    fn dispatch_untraced<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<Event, Error> {
        let body = incoming.body();
        self.check_size(body)?;
        let signalled = self.vendors_by_signal(incoming);
        if signalled.vendors[0].is_none() {
            // Ignisign sends no header: try its one-pass parse before probing the shape.
            if let Some(ignisign) = &self.config.ignisign {
                if let Some(delivery) = ignisign::parse_fast(body) {
                    ignisign.check_app(&delivery)?;
                    return Ok(Event::Ignisign(delivery));
                }
            }
        }
        let (vendor, by_signal) = self.choose(body, &signalled)?;
        if vendor == Vendor::Ignisign {
            return self.ignisign()?.receive(body).map(Event::Ignisign);
        }
        self.authenticate(vendor, incoming)?;
        match parse_verified(vendor, body) {
            Err(err) if by_signal && matches!(err.kind(), ErrorKind::MalformedPayload { .. }) => {
                Err(self.explain_mismatch(vendor, body).unwrap_or(err))
            }
            other => other,
        }
    }

    /// Verifies a request without parsing it, keeping its raw bytes: answer
    /// the vendor at once, queue [`VerifiedBody::into_owned`] and
    /// [`parse`](VerifiedBody::parse) it later.
    ///
    /// For Ignisign, verification at this stage means the local checks (required
    /// fields, app id, environment); the token is confirmed on the parsed
    /// [`ignisign::Delivery`].
    pub fn verify<'a, H: Headers + ?Sized>(&self, body: &'a [u8], headers: &H) -> Result<VerifiedBody<'a>, Error> {
        let vendor = self.verify_vendor(&Incoming::new(body, headers))?;
        Ok(VerifiedBody::new(vendor, body))
    }

    /// Like [`verify`](Webhooks::verify), for a request that may carry a query string.
    pub fn verify_incoming<'a, H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'a, H>,
    ) -> Result<VerifiedBody<'a>, Error> {
        let vendor = self.verify_vendor(incoming)?;
        Ok(VerifiedBody::new(vendor, incoming.body()))
    }

    /// Size limit, identification and authentication, without the typed parse.
    fn verify_vendor<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Result<Vendor, Error> {
        self.check_size(incoming.body())?;
        let signalled = self.vendors_by_signal(incoming);
        let (vendor, _) = self.choose(incoming.body(), &signalled)?;
        match vendor {
            Vendor::Ignisign => self.ignisign()?.check_envelope(incoming.body())?,
            other => self.authenticate(other, incoming)?,
        }
        Ok(vendor)
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

    fn engine(&self, vendor: Vendor) -> Option<&crate::verify::Verifier> {
        let config = &self.config;
        match vendor {
            Vendor::EsignGlobal => config.esignglobal.as_ref().map(|v| &v.inner),
            Vendor::SignPlus => config.signplus.as_ref().map(|v| &v.inner),
            Vendor::Constellation => config.constellation.as_ref().map(|v| &v.inner),
            Vendor::Ignisign => None,
        }
    }

    fn ignisign(&self) -> Result<&ignisign::Verifier, Error> {
        self.config
            .ignisign
            .as_ref()
            .ok_or_else(|| not_configured(Vendor::Ignisign))
    }

    /// Checks the request with `vendor`'s verifier.
    fn authenticate<H: Headers + ?Sized>(&self, vendor: Vendor, incoming: &Incoming<'_, H>) -> Result<(), Error> {
        let engine = self.engine(vendor).ok_or_else(|| not_configured(vendor))?;
        engine
            .verify(incoming, self.config.clock.as_ref())
            .map(|verified| trace::key_index(verified.key_index()))
            .map_err(|err| err.with_vendor(vendor))
    }

    /// The configured vendors whose credentials' carrier (signature or token
    /// header, `Authorization: Basic`, query parameter) the request has.
    fn vendors_by_signal<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> Signalled {
        let mut signalled = Signalled::default();
        for vendor in [Vendor::EsignGlobal, Vendor::SignPlus, Vendor::Constellation] {
            if self.engine(vendor).is_some_and(|engine| engine.identifies(incoming)) {
                signalled.push(vendor);
            }
        }
        signalled
    }

    /// The vendor: the one the request's credentials name, else the one the
    /// body's shape names. Returns whether the credentials named it.
    fn choose(&self, body: &[u8], signalled: &Signalled) -> Result<(Vendor, bool), Error> {
        if let [Some(vendor), None, None] = signalled.vendors {
            return Ok((vendor, true));
        }
        let by_shape = shape::vendors_by_shape(body)?;
        let signalled = signalled.as_vec();
        if signalled.len() > 1 {
            // Several vendors' credentials are present: let the body decide among them.
            let mut both = by_shape.iter().filter(|v| signalled.contains(v));
            return match (both.next(), both.next()) {
                (Some(vendor), None) => Ok((*vendor, true)),
                _ => Err(Error::new(ErrorKind::AmbiguousVendor {
                    candidates: signalled.to_vec(),
                })),
            };
        }
        match by_shape.as_slice() {
            [] => Err(Error::new(ErrorKind::UnrecognizedVendor)),
            [vendor] if self.is_configured(*vendor) => Ok((*vendor, false)),
            [vendor] => Err(not_configured(*vendor)),
            several => Err(Error::new(ErrorKind::AmbiguousVendor {
                candidates: several.to_vec(),
            })),
        }
    }

    /// When a request authenticated for one vendor carries another vendor's
    /// body, says so rather than reporting a confusing parse error.
    fn explain_mismatch(&self, by_headers: Vendor, body: &[u8]) -> Option<Error> {
        let by_shape = shape::vendors_by_shape(body).ok()?;
        match by_shape.as_slice() {
            [by_body] if *by_body != by_headers => Some(
                Error::new(ErrorKind::VendorMismatch {
                    by_headers,
                    by_body: *by_body,
                })
                .with_vendor(by_headers),
            ),
            _ => None,
        }
    }

    fn is_configured(&self, vendor: Vendor) -> bool {
        let config = &self.config;
        match vendor {
            Vendor::EsignGlobal => config.esignglobal.is_some(),
            Vendor::Ignisign => config.ignisign.is_some(),
            Vendor::SignPlus => config.signplus.is_some(),
            Vendor::Constellation => config.constellation.is_some(),
        }
    }

    /// The body size limit in bytes.
    pub fn max_body_size(&self) -> usize {
        self.config.max_body_size
    }

    /// The vendors this receiver accepts.
    pub fn vendors(&self) -> Vec<Vendor> {
        Vendor::ALL.into_iter().filter(|v| self.is_configured(*v)).collect()
    }
}

/// Parses the body of a delivery whose authenticity was established before.
pub(crate) fn parse_verified(vendor: Vendor, body: &[u8]) -> Result<Event, Error> {
    let event = match vendor {
        Vendor::EsignGlobal => esignglobal::parse(body).map(Event::EsignGlobal),
        Vendor::Ignisign => ignisign::parse_delivery(body).map(Event::Ignisign),
        Vendor::SignPlus => signplus::parse(body).map(Event::SignPlus),
        Vendor::Constellation => constellation::parse(body).map(Event::Constellation),
    };
    event.map_err(|err| err.with_vendor(vendor))
}

/// The vendors a request's credentials name: at most the three that have
/// credentials, kept on the stack.
#[derive(Default)]
struct Signalled {
    vendors: [Option<Vendor>; 3],
}

impl Signalled {
    fn push(&mut self, vendor: Vendor) {
        if let Some(slot) = self.vendors.iter_mut().find(|slot| slot.is_none()) {
            *slot = Some(vendor);
        }
    }

    fn as_vec(&self) -> Vec<Vendor> {
        self.vendors.iter().flatten().copied().collect()
    }
}

fn not_configured(vendor: Vendor) -> Error {
    Error::new(ErrorKind::VendorNotConfigured { vendor }).with_vendor(vendor)
}
