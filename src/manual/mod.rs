//! The manual: task-oriented pages that go beyond the API reference.
//!
//! Each page is an empty module holding documentation only.
//!
//! | Page | Read it when |
//! |---|---|
//! | [`authentication`] | you configure a vendor and must choose how its deliveries are authenticated |
//! | [`esignglobal_scheme`] | you set up eSignGlobal, whose signature scheme is not published |
//! | [`multi_tenant`] | you receive many customer accounts' webhooks (one secret each) on one endpoint |
//! | [`unsigned_vendors`] | a vendor (Sign.Plus, Constellation1, eSignGlobal's App callback) signs nothing |
//! | [`replay`] | you wonder what stops a captured delivery from being sent again |
//! | [`stores`] | you choose and run a deduplication store (memory, Redis persistence, PostgreSQL) |
//! | [`queueing`] | handling takes longer than the vendor waits: verify, queue, parse later |
//! | `fleet` (feature `inbox`) | you run receivers and workers apart, on PostgreSQL or Redis, and must never lose an event |
//! | [`testing`] | you test your own handlers with signed deliveries |
//! | [`servers`] | you wire the crate into axum, actix-web or hyper |
//! | [`security`] | you need to know exactly what each vendor's verification proves, and what it does not |
//! | [`adding_a_vendor`] | you contribute a vendor module |

pub mod adding_a_vendor;
pub mod authentication;
pub mod esignglobal_scheme;
#[cfg(feature = "inbox")]
#[cfg_attr(docsrs, doc(cfg(feature = "inbox")))]
pub mod fleet;
pub mod multi_tenant;
pub mod queueing;
pub mod replay;
pub mod security;
pub mod servers;
pub mod stores;
pub mod testing;
pub mod unsigned_vendors;
