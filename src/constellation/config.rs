//! This vendor's table of a configuration file ([`crate::config`]).

use super::Verifier;
use crate::config::{ConfigError, VendorConfig};

/// The verifier the `constellation` table describes: any engine method.
pub(crate) fn verifier_from_config(
    config: &VendorConfig,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Verifier, ConfigError> {
    config.refuse_ignisign_keys("constellation")?;
    config
        .engine_verifier("constellation", None, env)
        .map(Verifier::from_engine)
}
