//! Verified, typed webhooks for eSignGlobal, Ignisign, Sign.Plus and Constellation1 eSign.
//!
//! (Crate documentation is completed in `lib.rs` once the API settles.)

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![warn(clippy::exhaustive_enums, clippy::exhaustive_structs)]

mod wire_enum;

mod clock;
mod encoding;
mod error;
mod headers;
mod json_path;
mod secret;
mod vendor;
pub mod verify;

pub mod constellation;
pub mod esignglobal;
pub mod ignisign;
pub mod signplus;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, ErrorKind, ParseCodeError};
pub use headers::{Headers, Incoming};
pub use secret::Secret;
pub use vendor::Vendor;
