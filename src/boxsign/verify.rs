//! Authentication of Box Sign deliveries: Box's V2 webhook signatures.

use std::time::Duration;

use crate::Secret;
use crate::verify::{self, Encoding, HmacScheme, SignatureLocation, SignedContent, TimestampLocation, TimestampUnit};

crate::verify::vendor_verifier!(BoxSign "Box Sign", documented = scheme);

/// The signature made with the primary key.
pub const PRIMARY_HEADER: &str = "BOX-SIGNATURE-PRIMARY";
/// The signature made with the secondary key.
pub const SECONDARY_HEADER: &str = "BOX-SIGNATURE-SECONDARY";
/// The signed delivery time (RFC 3339).
pub const TIMESTAMP_HEADER: &str = "BOX-DELIVERY-TIMESTAMP";
/// The signature version; Box sends `1`.
pub const VERSION_HEADER: &str = "BOX-SIGNATURE-VERSION";
/// The signature algorithm; Box sends `HmacSHA256`.
pub const ALGORITHM_HEADER: &str = "BOX-SIGNATURE-ALGORITHM";

/// How far the delivery timestamp may be from the clock: Box says to reject
/// deliveries older than 10 minutes.
pub const TOLERANCE: Duration = Duration::from_secs(600);

/// Box's scheme: base64 HMAC-SHA256 of the raw body bytes **then** the
/// `BOX-DELIVERY-TIMESTAMP` bytes (no separator), in `BOX-SIGNATURE-PRIMARY`
/// and `BOX-SIGNATURE-SECONDARY`, within 10 minutes.
///
/// ```
/// use esign_webhooks::boxsign;
/// assert_eq!(boxsign::scheme().tolerance().as_secs(), 600);
/// ```
pub fn scheme() -> HmacScheme {
    HmacScheme::new(
        SignatureLocation::any_header([PRIMARY_HEADER, SECONDARY_HEADER]),
        SignedContent::body_then_timestamp(TimestampLocation::header(TIMESTAMP_HEADER), ""),
        Encoding::Base64,
    )
    .with_timestamp_unit(TimestampUnit::Rfc3339)
    .with_tolerance(TOLERANCE)
}

impl Verifier {
    /// Checks the signatures with the webhook signature keys of your Box
    /// application (Developer Console → Webhooks → Manage signature keys).
    /// A delivery passes when either signature header matches either key, so
    /// that rotating one key at a time never refuses a delivery.
    pub fn new(primary: Secret, secondary: Secret) -> Self {
        Verifier::primary(primary).with_secret(secondary)
    }

    /// Checks the signatures with the primary key only (add the secondary with
    /// [`with_secret`](Verifier::with_secret)).
    pub fn primary(primary: Secret) -> Self {
        Verifier {
            inner: verify::Verifier::hmac(scheme(), primary),
        }
    }

    /// Sets how far the delivery timestamp may be from the clock, either way
    /// (default 10 minutes, [`TOLERANCE`]).
    pub fn with_tolerance(self, tolerance: Duration) -> Self {
        Verifier {
            inner: self.inner.with_tolerance(tolerance),
        }
    }
}
