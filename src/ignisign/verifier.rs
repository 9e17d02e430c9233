//! [`Verifier`]: the application checks of the official SDK (`consumeWebhook`, steps 2 to 4).

use super::api_key::ApiKey;
use super::delivery::Delivery;
use super::enums::AppEnv;
use super::envelope;
use crate::clock::Clock;
use crate::headers::{Headers, Incoming};
use crate::plugin::{VendorVerifier, private};
use crate::verify::Verified;
use crate::{Error, ErrorKind, Vendor};

/// Accepts Ignisign deliveries for one application and environment.
///
/// Ignisign signs nothing: a delivery is authenticated by Ignisign's API, which checks and
/// consumes its `verificationToken` (see [`Delivery`](super::Delivery)). Before that network call the verifier
/// does what the official SDK does, in the same order:
///
/// 1. `topic`, `action`, `msgNature`, `verificationToken`, `appId` and `appEnv` are present
///    and non-empty ([`ErrorKind::MissingField`](crate::ErrorKind::MissingField));
/// 2. `appId` is the configured one, then
/// 3. `appEnv` is the configured one
///    ([`ErrorKind::RecipientMismatch`](crate::ErrorKind::RecipientMismatch)),
///
/// so a delivery for another application never costs a token check.
///
/// ```
/// use esign_webhooks::Secret;
/// use esign_webhooks::ignisign::{ApiKey, AppEnv, Verifier};
///
/// let verifier = Verifier::new("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b", AppEnv::Development);
/// assert_eq!(verifier.app_env(), &AppEnv::Development);
///
/// // Or read the application from a new-style API key, as the SDK does.
/// let key = ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t"));
/// let from_key = Verifier::from_api_key(&key)?;
/// assert_eq!(from_key.app_id(), verifier.app_id());
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Verifier {
    app_id: String,
    app_env: AppEnv,
}

impl Verifier {
    /// Accepts deliveries for application `app_id` (`appId_<uuid>`) in `app_env`.
    pub fn new(app_id: impl Into<String>, app_env: AppEnv) -> Self {
        Verifier {
            app_id: app_id.into(),
            app_env,
        }
    }

    /// Accepts deliveries for the application a new-style API key
    /// (`sk_<env>_<appIdWithoutPrefix>_<secret>`) belongs to.
    ///
    /// Fails with [`ErrorKind::Configuration`](crate::ErrorKind::Configuration) for a key of
    /// another format: use [`Verifier::new`] then.
    pub fn from_api_key(api_key: &ApiKey) -> Result<Verifier, Error> {
        match (api_key.app_id(), api_key.app_env()) {
            (Some(app_id), Some(app_env)) => Ok(Verifier::new(app_id, app_env.clone())),
            _ => Err(Error::configuration(
                "the Ignisign API key is not of the form `sk_<env>_<appId>_<secret>`; use `Verifier::new(app_id, app_env)`",
            )
            .with_vendor(Vendor::Ignisign)),
        }
    }

    /// The application id deliveries must carry.
    pub fn app_id(&self) -> &str {
        &self.app_id
    }

    /// The environment deliveries must carry.
    pub fn app_env(&self) -> &AppEnv {
        &self.app_env
    }

    /// The SDK's steps 2 to 4 on a minimal parse of the body.
    pub(crate) fn check_envelope(&self, body: &[u8]) -> Result<(), Error> {
        envelope::with_required_fields(body, |fields| {
            if fields.app_id != self.app_id {
                return Err(Error::new(ErrorKind::RecipientMismatch { field: "appId" }).with_vendor(Vendor::Ignisign));
            }
            if fields.app_env != self.app_env.as_str() {
                return Err(Error::new(ErrorKind::RecipientMismatch { field: "appEnv" }).with_vendor(Vendor::Ignisign));
            }
            Ok(())
        })
    }

    /// The application checks, then the typed parse: an unconfirmed [`Delivery`].
    ///
    /// One pass over the body when it is well formed ([`super::fast`]); the
    /// two-stage parse otherwise, which reports errors in the SDK's order.
    pub(crate) fn receive(&self, body: &[u8]) -> Result<Delivery, Error> {
        match crate::plugin::fast_parse::<super::Ignisign>(body) {
            Some(delivery) => self.check_app(&delivery).map(|()| delivery),
            None => {
                self.check_envelope(body)?;
                envelope::parse_delivery(body)
            }
        }
    }

    /// The SDK's steps 3 and 4 on an already parsed delivery.
    pub(crate) fn check_app(&self, delivery: &Delivery) -> Result<(), Error> {
        if delivery.app_id() != self.app_id {
            return Err(Error::new(ErrorKind::RecipientMismatch { field: "appId" }).with_vendor(Vendor::Ignisign));
        }
        if delivery.app_env().as_str() != self.app_env.as_str() {
            return Err(Error::new(ErrorKind::RecipientMismatch { field: "appEnv" }).with_vendor(Vendor::Ignisign));
        }
        Ok(())
    }
}

impl private::Sealed for Verifier {}

/// The checks of the vendor's own proof (see [`VendorVerifier`]).
impl VendorVerifier for Verifier {
    /// Refuses an empty application id.
    fn validate(&self) -> Result<(), Error> {
        if self.app_id.trim().is_empty() {
            return Err(Error::configuration("the Ignisign application id is empty").with_vendor(Vendor::Ignisign));
        }
        Ok(())
    }

    /// Ignisign sends no credential: nothing in a request names it.
    fn identifies<H: Headers + ?Sized>(&self, _: &Incoming<'_, H>) -> bool {
        false
    }

    /// The SDK's required fields, application id and environment, on a
    /// minimal parse. The token is checked in the confirmation phase.
    fn authenticate<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>, _: &dyn Clock) -> Result<Verified, Error> {
        self.check_envelope(incoming.body()).map(|()| Verified::new(None, None))
    }

    /// Ignisign's own table: `app_id` and `app_env`, or `api_key_env`.
    fn read_table<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<crate::config::VendorConfig, A::Error> {
        super::config::read_table(map)
    }

    fn from_config(
        config: &crate::config::VendorConfig,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, crate::config::ConfigError> {
        super::config::verifier_from_config(config, env)
    }
}
