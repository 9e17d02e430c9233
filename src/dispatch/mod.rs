//! From raw request to typed event: vendor identification, verification and parsing.

mod event;
mod handle;
mod request;
mod shape;
mod verified;
mod webhooks;

pub use event::Event;
pub use verified::VerifiedBody;
pub use webhooks::{DEFAULT_MAX_BODY_SIZE, Webhooks, WebhooksBuilder};

pub(crate) use webhooks::parse_verified;
