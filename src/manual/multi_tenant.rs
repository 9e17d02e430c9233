//! # Many tenants on one endpoint
//!
//! (Written in full with the example; see [`tenant`](crate::tenant) for now.)
