//! The D4Sign post types.

use crate::filter::Filter;
use crate::wire_enum::string_enum;

string_enum! {
    /// The post's `type_post`, a digit sent as text.
    ///
    /// ```
    /// use esign_webhooks::d4sign::TypePost;
    /// assert_eq!(TypePost::from_wire("1"), TypePost::Finished);
    /// assert!(TypePost::from_wire("9").is_unknown());
    /// ```
    pub enum TypePost {
        /// The document is finalised (`"Finished document"`).
        Finished => "1",
        /// An e-mail to a signer was not delivered (`"E-mail not sent"`, with `email`).
        EmailNotSent => "2",
        /// The document was cancelled (`"Cancelled document"`).
        Cancelled => "3",
        /// A signer signed (`"Signed"`, with `email`).
        Signed => "4",
    }
}

impl TypePost {
    /// Every D4Sign post type.
    pub const ALL: Filter<TypePost> = Filter::All;
}
