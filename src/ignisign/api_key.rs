//! [`ApiKey`]: the credential of Ignisign's token check.

use core::fmt;

use super::enums::AppEnv;
use crate::Secret;

/// An Ignisign API key, used as `Authorization: Bearer <key>` by the token check
/// ([`Delivery::token_check_request`](super::Delivery::token_check_request)).
///
/// A new-style key has the form `sk_<env>_<appIdWithoutPrefix>_<secret>`; like the official
/// SDK, [`ApiKey::app_id`] and [`ApiKey::app_env`] read the application from it
/// (`appId_<appIdWithoutPrefix>`, `<ENV>` upper-cased). With the old appId/appEnv/appSecret
/// credentials, pass the JWT obtained from Ignisign's `POST /v4/auth/app-api` instead: it is
/// sent as is and both accessors return `None`.
///
/// The base URL defaults to `https://api.ignisign.io`. The Node SDK reads the
/// `IGNISIGN_SERVER_URL` environment variable; this crate reads no environment: pass the
/// value with [`ApiKey::with_base_url`].
///
/// `Debug` never shows the key.
///
/// ```
/// use esign_webhooks::Secret;
/// use esign_webhooks::ignisign::{ApiKey, AppEnv};
///
/// let key = ApiKey::new(Secret::new("sk_development_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b_s3cr3t"));
/// assert_eq!(key.app_id(), Some("appId_3b2f9c1e-7d4a-4e57-9a0b-1c2d3e4f5a6b"));
/// assert_eq!(key.app_env(), Some(&AppEnv::Development));
/// assert_eq!(key.base_url(), "https://api.ignisign.io");
/// assert!(!format!("{key:?}").contains("s3cr3t"));
/// ```
#[derive(Clone)]
pub struct ApiKey {
    key: Secret,
    base_url: String,
    app: Option<(String, AppEnv)>,
}

/// The key is a [`Secret`], wiped when dropped.
#[cfg(feature = "zeroize")]
impl zeroize::ZeroizeOnDrop for ApiKey {}

impl ApiKey {
    /// Ignisign's production API, the default base URL.
    pub const DEFAULT_BASE_URL: &'static str = "https://api.ignisign.io";

    /// Wraps an API key (or an old-style JWT), used verbatim.
    pub fn new(key: Secret) -> Self {
        let app = application_of(key.expose());
        ApiKey {
            key,
            base_url: Self::DEFAULT_BASE_URL.to_owned(),
            app,
        }
    }

    /// Sends the token check to another server (the SDK's `IGNISIGN_SERVER_URL`), e.g. a
    /// test double. A trailing `/` is ignored.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        let mut base_url = base_url.into();
        while base_url.ends_with('/') {
            base_url.pop();
        }
        self.base_url = base_url;
        self
    }

    /// The base URL requests are sent to.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The application id a new-style key belongs to (`appId_…`), `None` for another format.
    pub fn app_id(&self) -> Option<&str> {
        self.app.as_ref().map(|(app_id, _)| app_id.as_str())
    }

    /// The environment a new-style key belongs to, `None` for another format.
    pub fn app_env(&self) -> Option<&AppEnv> {
        self.app.as_ref().map(|(_, app_env)| app_env)
    }

    /// The key, for the `Authorization` header only.
    pub(crate) fn secret(&self) -> &Secret {
        &self.key
    }
}

/// The SDK's `exportAppIdAndEnv`: `[sk, envLower, appIdWithoutPrefix, secret] = key.split('_')`.
fn application_of(key: &[u8]) -> Option<(String, AppEnv)> {
    let key = core::str::from_utf8(key).ok()?;
    let mut parts = key.split('_');
    let (prefix, env, app, secret) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let env_ok = !env.is_empty() && env.bytes().all(|b| b.is_ascii_alphabetic());
    let app_ok = !app.is_empty() && app.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if prefix != "sk" || !env_ok || !app_ok || secret.is_empty() {
        return None;
    }
    Some((format!("appId_{app}"), AppEnv::from_wire(&env.to_ascii_uppercase())))
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("key", &self.key)
            .field("base_url", &self.base_url)
            .field("app_id", &self.app_id())
            .field("app_env", &self.app_env())
            .finish()
    }
}
