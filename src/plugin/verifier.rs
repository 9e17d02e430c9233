//! [`VendorVerifier`]: the checks a vendor's `Verifier` owns.

use core::fmt::Debug;
use core::marker::PhantomData;

use crate::clock::Clock;
use crate::config::{ConfigError, VendorConfig};
use crate::error::Error;
use crate::headers::{Headers, Incoming};
use crate::verify::Verified;

use super::private;

/// What a vendor's `Verifier` checks, on the verifier itself (rustls's habit:
/// a verifier is an object that owns its checks), so that the plug-in needs
/// no way back to it.
///
/// The twelve vendors whose check is the shared engine's get every method
/// from `vendor_verifier!` (`src/verify/vendor_verifier.rs`); the vendors
/// with a proof of their own (Ignisign, Dropbox Sign, SignWell, Adobe
/// Acrobat Sign) implement it beside their `Verifier`. Sealed: only this
/// crate implements it.
pub trait VendorVerifier: private::Sealed + Debug + Clone + Send + Sync + Sized + 'static {
    /// Refuses a configuration that cannot work (an empty secret, header name
    /// or application id). Called by `build()`.
    fn validate(&self) -> Result<(), Error>;

    /// `true` when the request carries this verifier's configured credential
    /// (its signature or token header, `Authorization: Basic`, its query
    /// parameter): strong evidence that the request is this vendor's.
    fn identifies<H: Headers + ?Sized>(&self, incoming: &Incoming<'_, H>) -> bool;

    /// Checks the request's authenticity without the typed parse (what
    /// [`Webhooks::verify`](crate::Webhooks::verify) runs).
    fn authenticate<H: Headers + ?Sized>(
        &self,
        incoming: &Incoming<'_, H>,
        clock: &dyn Clock,
    ) -> Result<Verified, Error>;

    /// Reads this vendor's table of a configuration file from the table's
    /// own map, so that an error carries the table's line and column.
    /// Defaults to the engine's table ([`VendorConfig`]); a vendor with keys
    /// of its own reads and checks them here, and keeps them with
    /// `VendorConfig::own_table`.
    fn read_table<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<VendorConfig, A::Error> {
        VendorConfig::read(map)
    }

    /// The verifier this vendor's table of a configuration file describes
    /// (`[signplus]` …), secrets read through `env` (see [`crate::config`]).
    fn from_config(table: &VendorConfig, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError>;

    /// `true` when the verifier checks nothing (`dangerous_accept_unverified`):
    /// `build()` then emits the `dangerous` trace.
    fn is_unverified(&self) -> bool {
        false
    }
}

/// Reads one vendor's table with its verifier's reader
/// ([`VendorVerifier::read_table`]), inside the file's deserializer.
pub(crate) struct TableSeed<V>(PhantomData<V>);

impl<V> TableSeed<V> {
    pub(crate) fn new() -> Self {
        TableSeed(PhantomData)
    }
}

impl<'de, V: VendorVerifier> serde::de::DeserializeSeed<'de> for TableSeed<V> {
    type Value = VendorConfig;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<VendorConfig, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, V: VendorVerifier> serde::de::Visitor<'de> for TableSeed<V> {
    type Value = VendorConfig;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a vendor table (method, secret_env, …)")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<VendorConfig, A::Error> {
        V::read_table(map)
    }
}
