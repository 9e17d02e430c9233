//! The manual: guides that span modules, in rustdoc so they are versioned with the code.

pub mod security;
