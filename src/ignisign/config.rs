//! Ignisign's table of a configuration file ([`crate::config`]): the
//! application checked, since Ignisign signs nothing. The table is
//! Ignisign's own (`app_id` and `app_env`, or `api_key_env`), read and
//! checked by its verifier, not the engine's (`method`, `secret_env`, …).

use serde::de::{self, MapAccess};

use super::{ApiKey, Verifier};
use crate::Secret;
use crate::config::{ConfigError, VendorConfig};

const APP_ID: &str = "app_id";
const APP_ENV: &str = "app_env";
const API_KEY_ENV: &str = "api_key_env";

/// Reads and checks the `ignisign` table, inside the file's deserializer
/// (errors carry the table's position). Any other key is refused, an engine
/// key (`method`, `secret_env`, …) with the reason: Ignisign signs nothing.
pub(crate) fn read_table<'de, A: MapAccess<'de>>(mut map: A) -> Result<VendorConfig, A::Error> {
    let (mut app_id, mut app_env, mut api_key_env) = (None, None, None);
    while let Some(key) = map.next_key::<String>()? {
        let slot = match key.as_str() {
            APP_ID => &mut app_id,
            APP_ENV => &mut app_env,
            API_KEY_ENV => &mut api_key_env,
            _ => {
                return Err(de::Error::custom(format!(
                    "`ignisign` takes `app_id` and `app_env` (or `api_key_env`), not `{key}`: Ignisign signs nothing"
                )));
            }
        };
        if slot.is_some() {
            return Err(de::Error::custom(format!("`{key}` is given twice")));
        }
        *slot = Some(map.next_value::<String>()?);
    }
    check(app_id, app_env, api_key_env).map_err(de::Error::custom)
}

fn check(
    app_id: Option<String>,
    app_env: Option<String>,
    api_key_env: Option<String>,
) -> Result<VendorConfig, &'static str> {
    match (app_id, app_env, api_key_env) {
        (None, None, Some(api_key_env)) => Ok(VendorConfig::own_table([(API_KEY_ENV, api_key_env)])),
        (Some(app_id), Some(app_env), None) => Ok(VendorConfig::own_table([(APP_ID, app_id), (APP_ENV, app_env)])),
        (_, _, Some(_)) => Err("give `app_id` and `app_env`, or `api_key_env`, not both"),
        _ => Err("give `app_id` and `app_env`, or `api_key_env`"),
    }
}

/// The verifier the `ignisign` table describes: `app_id` and `app_env`, or
/// the API key in the variable `api_key_env`.
pub(crate) fn verifier_from_config(
    config: &VendorConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Verifier, ConfigError> {
    if let Some(name) = config.own_key(API_KEY_ENV) {
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
    match (config.own_key(APP_ID), config.own_key(APP_ENV)) {
        (Some(app_id), Some(app_env)) => Ok(Verifier::new(app_id.to_owned(), super::AppEnv::from_wire(app_env))),
        _ => Err(ConfigError::key(
            "ignisign".to_owned(),
            "give `app_id` and `app_env`, or `api_key_env` (an engine table is not Ignisign's)".to_owned(),
        )),
    }
}
