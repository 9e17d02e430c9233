//! The OpenSign event names.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The delivery's `event`.
    ///
    /// OpenSign's UI and FAQ also speak of "revoked" documents
    /// ("Document Revoked or Declined", "`revoked/declined`") without showing
    /// the event name sent for a revocation; whatever it is, it is kept as
    /// [`Unknown`](EventKind::Unknown).
    ///
    /// ```
    /// use esign_webhooks::opensign::EventKind;
    /// assert_eq!(EventKind::from_wire("completed"), EventKind::Completed);
    /// assert!(EventKind::from_wire("revoked").is_unknown());
    /// ```
    pub enum EventKind {
        /// A document was created and sent for signature.
        Created => "created",
        /// A signer viewed the document.
        Viewed => "viewed",
        /// A signer signed the document.
        Signed => "signed",
        /// Every required signature is done.
        Completed => "completed",
        /// A signer declined the document.
        Declined => "declined",
    }
}

impl EventKind {
    /// Every OpenSign event kind.
    pub const ALL: Filter<EventKind> = Filter::All;
}
