//! Constellation1 eSign: typed signing-session updates and how to authenticate them.
//!
//! # The wire format
//!
//! eSign POSTs a JSON body to the URL its eSignature team registered for you
//! (there is no registration API) whenever a signing session or one of its
//! signers changes status. The body is documented only as a .NET view model:
//!
//! ```csharp
//! public class EsignView { public EsignData Data { get; set; } }
//! public class EsignData {
//!     public Guid SigningSessionId { get; set; }
//!     public Guid NewSigningSessionId { get; set; }
//!     public Guid SignerId { get; set; }
//!     public string Type { get; set; }        // "SessionStatus" or "SignerStatus"
//!     public int Status { get; set; }
//!     public string Title { get; set; }
//!     public string DeclinedReason { get; set; }
//! }
//! ```
//!
//! No JSON example is published, so the key casing on the wire is unknown: the
//! vendor's ASP.NET sample binds keys ignoring case, and so does this crate, at
//! both levels (`Data`/`data`, `SigningSessionId`/`signingSessionId`, …). The
//! GUID format is not documented either: hyphenated, 32-digit, braced and
//! `urn:uuid:` forms are accepted in any case. The all-zero GUID (a .NET `Guid`
//! nobody set), `null` and a missing member all mean "absent" for
//! `NewSigningSessionId` and `SignerId`; an empty `DeclinedReason` too.
//! [`Update`] and [`Data`] document each member.
//!
//! `Type` says what the integer `Status` means ([`Status`]):
//!
//! | Code | [`SessionStatus`] (`"SessionStatus"`) | [`SignerStatus`] (`"SignerStatus"`) |
//! |---|---|---|
//! | 1 | `InDraft` | `PendingInvite` |
//! | 2 | `InSent` | `Invited` |
//! | 3 | `Completed` | `InProgress` |
//! | 4 | `Cancelled` | `Completed` |
//! | 5 | `Deleted` | `Cancelled` |
//! | 6 | `InPaused` | `Declined` (with `DeclinedReason`) |
//! | 7 | `Expired` | `Delegated` |
//! | 8 | `Purged` (newer page only) | `AuthenticationFailed` |
//! | 9 | `Archived` (newer page only) | |
//!
//! Codes and types this version does not know are kept
//! ([`SessionStatus::Unknown`], [`Status::Other`]), never an error. The vendor
//! documents no event or delivery id, retry policy, expected response or
//! Content-Type.
//!
//! # Lifecycle
//!
//! | Constellation1 status | [`Lifecycle`](crate::Lifecycle) | envelope id | signer id |
//! |---|---|---|---|
//! | session `InSent` | `Sent` | `SigningSessionId` | – |
//! | signer `Invited` | `Sent` | `SigningSessionId` | `SignerId` |
//! | signer `InProgress` | `Viewed` | `SigningSessionId` | `SignerId` |
//! | signer `Completed` | `Signed` | `SigningSessionId` | `SignerId` |
//! | session `Completed` | `Completed` | `SigningSessionId` | – |
//! | signer `Declined` | `Declined` (reason: the declined reason) | `SigningSessionId` | `SignerId` |
//! | session `Expired` | `Expired` | `SigningSessionId` | – |
//! | session `Cancelled` | `Cancelled` | `SigningSessionId` | – |
//! | signer `AuthenticationFailed` | `Failed` | `SigningSessionId` | `SignerId` |
//! | every other status (`InDraft`, …) | – | | |
//!
//! # What identifies one event
//!
//! No event or delivery id is documented, and the body carries no time.
//! [`DedupKey::of`](crate::dedup::DedupKey::of) hashes every `Data` member as
//! typed (session, new session, signer, `Type`, `Status`, title, declined
//! reason), so key casing and GUID spelling do not change it, and two signers'
//! updates differ by `SignerId`. What a retry repeats is not documented; the
//! crate assumes the same body. Two updates that say exactly the same thing (one
//! signer reaching one status twice) cannot be told apart and share a key.
//!
//! # Authentication: none documented
//!
//! Constellation1 documents **no** signature, secret, Basic auth or IP list
//! (see [`Verifier`]). So:
//!
//! * give the eSignature team a URL that carries an unguessable secret, checked
//!   with [`Verifier::query_token`] or [`Verifier::basic_auth`];
//! * treat an update as a hint: read the session through the Constellation1
//!   API and act on the state it returns;
//! * make handlers idempotent: nothing identifies a delivery.
//!
//! # What the check proves
//!
//! **Nothing of the body**: a URL token or Basic credential proves only that
//! the sender knows it; every field is as the sender wrote it, and nothing is
//! timestamped.

mod guid;
mod keys;
mod plugin;
mod status;
mod update;
mod verify;

pub use plugin::Constellation;
pub use status::{SessionStatus, SignerStatus, Status, StatusType};
pub use update::{Data, Update};
pub use verify::Verifier;

/// Parses a Constellation1 eSign update from the raw body. Errors are
/// [`ErrorKind::MalformedPayload`](crate::ErrorKind::MalformedPayload) with the
/// JSON path of the member that broke, attributed to
/// [`Vendor::Constellation`](crate::Vendor::Constellation).
pub(crate) fn parse(body: &[u8]) -> Result<Update, crate::Error> {
    crate::json_text::from_body(body)
        .map_err(|err| crate::Error::malformed_payload(body, err).with_vendor(crate::Vendor::Constellation))
}

#[cfg(test)]
mod tests;
