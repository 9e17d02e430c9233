//! [`Vendor`]: which e-signature service a delivery comes from.

use core::fmt;

/// The e-signature vendors this crate understands.
///
/// ```
/// use esign_webhooks::Vendor;
/// assert_eq!(Vendor::SignPlus.to_string(), "Sign.Plus");
/// assert_eq!(Vendor::ALL.len(), 4);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Vendor {
    /// eSignGlobal (esignglobal.com): Webhook and App callback channels.
    EsignGlobal,
    /// Ignisign (ignisign.io).
    Ignisign,
    /// Sign.Plus by Alohi (sign.plus).
    SignPlus,
    /// Constellation1 eSign.
    Constellation,
}

impl Vendor {
    /// Every vendor, in a fixed order.
    pub const ALL: [Vendor; 4] = [
        Vendor::EsignGlobal,
        Vendor::Ignisign,
        Vendor::SignPlus,
        Vendor::Constellation,
    ];

    /// The vendor's name as it writes it.
    pub const fn name(self) -> &'static str {
        match self {
            Vendor::EsignGlobal => "eSignGlobal",
            Vendor::Ignisign => "Ignisign",
            Vendor::SignPlus => "Sign.Plus",
            Vendor::Constellation => "Constellation1 eSign",
        }
    }
}

impl fmt::Display for Vendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
