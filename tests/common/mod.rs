//! What the integration tests share: reading fixtures, the fixed clock, a
//! fault-injecting TCP proxy, a fault-injecting deduplication store and a
//! hostile fake Redis server, and real Redis, PostgreSQL and NATS servers
//! started on loopback.
//! Each test file that needs it declares `mod common;`.

#![allow(dead_code)] // each test file uses part of it

pub mod fault_proxy;
pub mod faulty_store;
pub mod hostile_redis;
pub mod nats_server;
#[cfg(feature = "postgres")]
pub mod pg_server;
pub mod redis_server;

use std::fs;
use std::path::{Path, PathBuf};

/// The clock of the tests that sign a timestamp (2025-01-01T00:00:00Z).
pub const NOW: i64 = 1_735_689_600;

/// The crate's root folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture of `tests/fixtures/<vendor>/` with the extension `ext`, as
/// `(file stem, bytes)`, sorted by name.
pub fn fixtures_with(vendor: &str, ext: &str) -> Vec<(String, Vec<u8>)> {
    let dir = root().join("tests/fixtures").join(vendor);
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .map(|path| (stem(&path), fs::read(&path).unwrap()))
        .collect();
    files.sort();
    files
}

/// Every JSON fixture of `tests/fixtures/<vendor>/`.
pub fn fixtures(vendor: &str) -> Vec<(String, Vec<u8>)> {
    fixtures_with(vendor, "json")
}

/// One fixture, by vendor and file name.
pub fn fixture(vendor: &str, file: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures").join(vendor).join(file);
    fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

fn stem(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}
