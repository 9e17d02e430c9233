//! From raw request to typed event: vendor identification, verification and parsing.

mod event;
mod from_config;
mod request;
mod stored;
mod unreadable;
pub(crate) mod vendors;
mod verified;
mod webhooks;

pub use event::Event;
pub use verified::VerifiedBody;
pub use webhooks::{DEFAULT_MAX_BODY_SIZE, Webhooks, WebhooksBuilder};

pub(crate) use event::retries_on_failure;
pub(crate) use vendors::{account_named, fast_path_agrees, parse_part, parse_verified};
