//! Ignisign's table of a configuration file ([`crate::config`]): the
//! application checked, since Ignisign signs nothing.

use super::{ApiKey, Verifier};
use crate::Secret;
use crate::config::{ConfigError, VendorConfig};

/// The verifier the `ignisign` table describes: `app_id` and `app_env`, or
/// the API key in the variable `api_key_env`.
pub(crate) fn verifier_from_config(
    config: &VendorConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Verifier, ConfigError> {
    if let Some(name) = &config.api_key_env {
        let key = "ignisign.api_key_env".to_owned();
        // The variable is not named: an API key pasted into `api_key_env` would be printed back.
        let value = env(name)
            .ok_or_else(|| ConfigError::key(key.clone(), "the environment variable it names is not set".to_owned()))?;
        if crate::config::is_blank(&value) {
            return Err(ConfigError::key(
                key,
                "the environment variable it names is blank (empty or whitespace only)".to_owned(),
            ));
        }
        return Verifier::from_api_key(&ApiKey::new(Secret::new(value)))
            .map_err(|err| ConfigError::key(key, err.to_string()));
    }
    match (&config.app_id, &config.app_env) {
        (Some(app_id), Some(app_env)) => Ok(Verifier::new(app_id.clone(), super::AppEnv::from_wire(app_env))),
        _ => Err(ConfigError::key(
            "ignisign".to_owned(),
            "give `app_id` and `app_env`, or `api_key_env`".to_owned(),
        )),
    }
}
