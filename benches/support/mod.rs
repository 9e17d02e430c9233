//! Bodies and baselines shared by the benchmarks: the per-vendor rows
//! ([`vendors`]), the reference case ([`reference`]) and DocuSign's full
//! message (`shared/bench/`).
#![allow(dead_code)]

pub mod reference;
pub mod vendors;

/// DocuSign's official JSON SIM message with every documented member
/// (107 KB, `envelope-completed`): the case the outside check measures.
/// A copy of `shared/bench/docusign_full_message_107KB.json`, kept in
/// `benches/data/` so that the bench runs from a lone checkout.
pub fn docusign_full_message() -> Vec<u8> {
    let name = "docusign_full_message_107KB.json";
    let root = env!("CARGO_MANIFEST_DIR");
    let copy = format!("{root}/benches/data/{name}");
    std::fs::read(&copy).unwrap_or_else(|err| panic!("{copy}: {err}"))
}

/// `pairs` in an `http::HeaderMap`.
pub fn header_map(pairs: &[(String, String)]) -> http::HeaderMap {
    let mut map = http::HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            http::HeaderName::try_from(name.as_str()).unwrap(),
            value.parse().unwrap(),
        );
    }
    map
}
