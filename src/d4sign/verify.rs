//! D4Sign's proof: `Content-Hmac: sha256=<hex>`, the HMAC-SHA256 of the
//! document's UUID (read from the body), keyed with the account's secret.

use hmac::Mac;
use subtle::ConstantTimeEq;

use crate::clock::Clock;
use crate::encoding::{self, FixedBuf};
use crate::error::ErrorKind;
use crate::headers::{Headers, Incoming};
use crate::json_text::Reading;
use crate::plugin::{VendorVerifier, private};
use crate::verify::{self, HmacSha256, Verified, keyed_mac};
use crate::{Error, Secret, Vendor};

/// The header D4Sign sends its HMAC in.
pub const SIGNATURE_HEADER: &str = "Content-Hmac";

/// The prefix of its value.
pub const PREFIX: &str = "sha256=";

/// How D4Sign deliveries are authenticated.
///
/// **What [`Verifier::new`] proves, and what it does not.** D4Sign's
/// `Content-Hmac` is the HMAC of the **document's UUID** only. A match proves
/// that a holder of the account's secret once produced that UUID's HMAC. It
/// does **not** cover `type_post`, `message` or `email`, and it is the **same
/// value for every post about the document**: anyone who has seen one
/// delivery (a log, a proxy) can forge any other event of that document —
/// "finished", "cancelled", "signed by anyone" — forever. There is no
/// timestamp. Treat a delivery as "something happened to document X": fetch
/// the document's state through D4Sign's API before acting, and deduplicate.
/// D4Sign also recommends Basic credentials or a token in the URL you
/// register; [`Verifier::basic_auth`] and [`Verifier::query_token`] check
/// those instead (no body field covered either).
#[derive(Clone)]
pub struct Verifier {
    check: Check,
}

#[derive(Clone)]
enum Check {
    /// The UUID's HMAC with any of these keys (blank flags for validation).
    UuidHmac(Vec<(HmacSha256, bool)>),
    /// A check of the engine (URL credentials, a header token).
    Engine(verify::Verifier),
}

impl Verifier {
    /// Checks `Content-Hmac: sha256=<hex>` against the HMAC of the body's
    /// `uuid`, keyed with the secret generated in the account's API section
    /// ("Generate Secret Key MAC"), used as the text shown.
    pub fn new(secret: Secret) -> Self {
        Verifier {
            check: Check::UuidHmac(vec![key(&secret)]),
        }
    }

    /// Accepts one more secret (rotation). Ignored by the URL checks.
    pub fn with_secret(self, secret: Secret) -> Self {
        match self.check {
            Check::UuidHmac(mut keys) => {
                keys.push(key(&secret));
                Verifier {
                    check: Check::UuidHmac(keys),
                }
            }
            Check::Engine(engine) => Verifier {
                check: Check::Engine(engine.with_secret(secret)),
            },
        }
    }

    /// Requires `Authorization: Basic` with this user name and password:
    /// D4Sign's recommended `https://user:password@host/path` URL.
    pub fn basic_auth(username: impl Into<String>, password: Secret) -> Self {
        Verifier {
            check: Check::Engine(verify::Verifier::basic_auth(username, password)),
        }
    }

    /// Requires the query parameter `name` of the URL you registered to carry `token`.
    pub fn query_token(name: impl Into<String>, token: Secret) -> Self {
        Verifier {
            check: Check::Engine(verify::Verifier::query_token(name, token)),
        }
    }

    /// Uses any engine verifier.
    pub fn from_engine(verifier: verify::Verifier) -> Self {
        Verifier {
            check: Check::Engine(verifier),
        }
    }

    /// Accepts every D4Sign delivery without any check.
    ///
    /// Anyone who can reach the endpoint can then forge events. Confirm the
    /// document's state through D4Sign's API before acting on one.
    pub fn dangerous_accept_unverified() -> Self {
        Verifier::from_engine(verify::Verifier::dangerous_accept_unverified())
    }

    /// [`authenticate`](VendorVerifier::authenticate), the UUID read from a
    /// JSON body as far as `reading` says ([`Reading::UpToKey`] on
    /// `dispatch`, where the typed parse of the body follows).
    pub(super) fn authenticate_reading<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
        reading: Reading,
    ) -> Result<Verified, Error> {
        self.validate()?;
        match &self.check {
            Check::UuidHmac(keys) => Self::check_uuid(keys, incoming, reading),
            Check::Engine(engine) => engine.verify(incoming, clock),
        }
    }

    /// Compares `Content-Hmac` with the HMAC of `uuid` under every key, in
    /// constant time.
    fn check_uuid<H: Headers + ?Sized>(
        keys: &[(HmacSha256, bool)],
        incoming: &Incoming<'_, H>,
        reading: Reading,
    ) -> Result<Verified, Error> {
        let mut values = incoming.headers().values(SIGNATURE_HEADER);
        let header = values.next().ok_or_else(|| {
            Error::new(ErrorKind::MissingHeader {
                name: SIGNATURE_HEADER.to_owned(),
            })
        })?;
        if values.next().is_some() {
            return Err(Error::new(ErrorKind::DuplicateHeader {
                name: SIGNATURE_HEADER.to_owned(),
            }));
        }
        let malformed = || {
            Error::new(ErrorKind::MalformedHeader {
                name: SIGNATURE_HEADER.to_owned(),
                reason: "expected sha256= and a 32-byte MAC in hex",
            })
        };
        let hex = header
            .trim_ascii()
            .strip_prefix(PREFIX.as_bytes())
            .ok_or_else(malformed)?;
        let mut buffer = FixedBuf::<32>::new();
        let presented = encoding::decode_hex_into(hex, &mut buffer)
            .and_then(|()| buffer.full())
            .ok_or_else(malformed)?;
        // The minimal parse: only the UUID, which the proof covers.
        let uuid = super::event::uuid(incoming.body(), reading)?;
        let mut matched = None;
        for (index, (mac, _)) in keys.iter().enumerate() {
            let mut mac = mac.clone();
            mac.update(uuid.as_bytes());
            let expected: [u8; 32] = mac.finalize().into_bytes().into();
            if bool::from(expected.ct_eq(&presented)) && matched.is_none() {
                matched = Some(index);
            }
        }
        let index = matched.ok_or_else(|| Error::new(ErrorKind::AuthenticationFailed))?;
        Ok(Verified::new(Some(index), None))
    }
}

fn key(secret: &Secret) -> (HmacSha256, bool) {
    (keyed_mac(secret.expose()), secret.is_blank())
}

/// The `Content-Hmac` value D4Sign sends for the document `uuid` with
/// `secret`: `sha256=` and the hex HMAC-SHA256 of the UUID. For tests of
/// your handlers, and to check a captured delivery by hand.
///
/// ```
/// use esign_webhooks::{Secret, d4sign};
/// // Locally computed (D4Sign publishes no vector): HMAC-SHA256 keyed "secret" of the UUID.
/// let value = d4sign::content_hmac(&Secret::new("secret"), "8a4e0a9c-1f3b-4c2d-9e8f-0123456789ab");
/// assert!(value.starts_with("sha256=") && value.len() == 7 + 64);
/// ```
pub fn content_hmac(secret: &Secret, uuid: &str) -> String {
    let mut mac = keyed_mac(secret.expose());
    mac.update(uuid.as_bytes());
    format!("{PREFIX}{}", encoding::encode_hex(&mac.finalize().into_bytes()))
}

impl core::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match &self.check {
            Check::UuidHmac(keys) => f
                .debug_struct("Verifier")
                .field("uuid_hmac_secrets", &format_args!("{} [REDACTED]", keys.len()))
                .finish(),
            Check::Engine(engine) => f.debug_struct("Verifier").field("engine", engine).finish(),
        }
    }
}

impl private::Sealed for Verifier {}

/// The checks of the vendor's own proof (see [`VendorVerifier`]).
impl VendorVerifier for Verifier {
    fn validate(&self) -> Result<(), Error> {
        match &self.check {
            Check::UuidHmac(keys) if keys.iter().any(|(_, blank)| *blank) => {
                Err(Error::configuration("a D4Sign HMAC secret is empty or blank"))
            }
            Check::UuidHmac(_) => Ok(()),
            Check::Engine(engine) => engine.validate(),
        }
    }

    /// With the UUID HMAC, a `Content-Hmac` header. Clicksign sends the same
    /// header: with both configured, the body's `uuid` and `type_post`
    /// ([`claims`](crate::plugin::Plugin::claims)) tell them apart.
    fn identifies<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> bool {
        match &self.check {
            Check::UuidHmac(_) => incoming.headers().values(SIGNATURE_HEADER).next().is_some(),
            Check::Engine(engine) => engine.identifies(incoming),
        }
    }

    fn authenticate<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error> {
        self.authenticate_reading(incoming, clock, Reading::Whole)
    }

    /// Without `method`: the UUID HMAC with `secret_env` (several for a
    /// rotation). With `method` (`basic_auth`, `query_token`, …): that engine check.
    fn from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        if config.method.is_some() {
            return config
                .engine_verifier(Vendor::D4Sign.slug(), None, env)
                .map(Verifier::from_engine);
        }
        let mut secrets = config.vendor_secrets(Vendor::D4Sign, env)?.into_iter();
        let mut verifier = match secrets.next() {
            Some(first) => Verifier::new(first),
            None => {
                return Err(crate::config::ConfigError::key(
                    "d4sign.secret_env".to_owned(),
                    "no secret is configured".to_owned(),
                ));
            }
        };
        for secret in secrets {
            verifier = verifier.with_secret(secret);
        }
        Ok(verifier)
    }

    fn is_unverified(&self) -> bool {
        match &self.check {
            Check::UuidHmac(_) => false,
            Check::Engine(engine) => engine.is_unverified(),
        }
    }
}
