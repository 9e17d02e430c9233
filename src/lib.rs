//! Verified, typed webhooks for eSignGlobal, Ignisign, Sign.Plus and Constellation1 eSign.
//!
//! (Crate documentation is completed in `lib.rs` once the API settles.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::exhaustive_enums, clippy::exhaustive_structs)]

mod wire_enum;

mod clock;
pub mod dangerous;
mod dispatch;
mod encoding;
mod error;
mod headers;
mod json_path;
mod secret;
pub mod testing;
mod vendor;
pub mod verify;

pub mod constellation;
pub mod esignglobal;
pub mod ignisign;
pub mod signplus;

pub use clock::{Clock, FixedClock, SystemClock};
pub use dispatch::{DEFAULT_MAX_BODY_SIZE, Event, VerifiedBody, Webhooks, WebhooksBuilder};
pub use error::{Error, ErrorKind, ParseCodeError};
pub use headers::{Headers, Incoming};
pub use secret::Secret;
pub use vendor::Vendor;
