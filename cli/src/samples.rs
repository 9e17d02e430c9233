//! Sample deliveries `send` signs: the crate's own test fixtures, every one
//! of every vendor (`tests/fixtures/<slug>/`), embedded by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/samples.rs"));
