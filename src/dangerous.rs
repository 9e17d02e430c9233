//! Calls that skip verification. Each says so in its name; use them knowingly.
//!
//! Following `jsonwebtoken`'s `dangerous` module: everything here trusts input
//! the crate did not authenticate. The unverified *modes* of each vendor
//! (`Verifier::dangerous_accept_unverified`) and Ignisign's
//! [`Delivery::dangerous_skip_token_check`](crate::ignisign::Delivery::dangerous_skip_token_check)
//! are the other two doors, and are named the same way.

use crate::dispatch::{Event, parse_verified};
use crate::{Error, Vendor};

/// Parses a body as `vendor`'s without any verification.
///
/// Meant for bytes you verified earlier with
/// [`Webhooks::verify`](crate::Webhooks::verify) and stored (a queue, a
/// database): the type cannot know they were verified, your storage does.
/// Never call it on bytes straight from a request.
///
/// ```
/// use esign_webhooks::{Event, Vendor, dangerous};
///
/// let stored = br#"{"Data":{"SigningSessionId":"3f2504e0-4f89-11d3-9a0c-0305e82c3301","Type":"SignerStatus","Status":4}}"#;
/// let event = dangerous::parse_unverified(Vendor::Constellation, stored)?;
/// assert!(matches!(event, Event::Constellation(_)));
/// # Ok::<(), esign_webhooks::Error>(())
/// ```
pub fn parse_unverified(vendor: Vendor, body: &[u8]) -> Result<Event, Error> {
    parse_verified(vendor, body)
}
