//! The vendor table (`Vendor::ALL`) is the one list of vendors; this test
//! checks that everything kept outside a vendor's folder follows it. For each
//! vendor it names the missing piece:
//!
//! * its cargo feature in `all-vendors` (`Vendor::is_compiled_in` in the
//!   default build; a table line without any feature is a compile error,
//!   `unexpected_cfgs` being denied);
//! * `tests/fixtures/<slug>/` with at least one JSON fixture: the CLI's
//!   `send` samples are these fixtures (`cli/build.rs` embeds every one, and
//!   `cli/tests/cli.rs` checks the built binary lists every vendor), and the
//!   fuzz dictionary reads their keys (`tests/generated.rs`);
//! * `tests/<slug>.rs`, running the vendor conformance suite
//!   (`tests/common/vendor_conformance.rs`) for that vendor;
//! * its `dispatch` fuzz seeds, `fuzz/seeds/dispatch/<slug>_*`
//!   (`WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds` writes them);
//! * a row in README.md's "What is verified" table and its feature in the
//!   README's feature table;
//! * a row in the security manual's per-vendor table
//!   (`src/manual/security.rs`).
//!
//! The demo receiver and signers (`testing::demo`) match on `Vendor` with no
//! wildcard, so a vendor without them does not compile.

use std::fs;
use std::path::{Path, PathBuf};

use esign_webhooks::Vendor;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    fs::read_to_string(root().join(path)).unwrap_or_else(|err| panic!("{path}: {err}"))
}

/// The rows of the Markdown table whose header row starts with `header`
/// (in `text`, each line stripped of `prefix`), as their cells.
fn table_rows(text: &str, prefix: &str, header: &str) -> Vec<Vec<String>> {
    let mut lines = text
        .lines()
        .map(|line| line.strip_prefix(prefix).unwrap_or(line).trim());
    let found = lines.by_ref().any(|line| line.starts_with(header));
    assert!(found, "no table starting with `{header}`");
    lines
        .skip(1) // |---|---|
        .take_while(|line| line.starts_with('|'))
        .map(|line| {
            line.trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect()
        })
        .collect()
}

/// The vendor names a first cell lists: `Yousign, Zoho Sign, OpenSign`,
/// `eSignGlobal (Webhook channel)`, `DocuSign Connect (`docusign`)`.
fn names_in(cell: &str) -> Vec<&str> {
    cell.split(", ")
        .map(|name| name.split(" (").next().unwrap_or(name).trim())
        .collect()
}

fn has_fixture(dir: &Path) -> bool {
    fs::read_dir(dir)
        .into_iter()
        .flatten()
        .any(|entry| entry.is_ok_and(|entry| entry.path().extension().is_some_and(|ext| ext == "json")))
}

#[test]
fn every_vendor_has_every_piece() {
    assert!(!Vendor::ALL.is_empty(), "Vendor::ALL lists no vendor");
    let readme = read("README.md");
    let readme_rows = table_rows(&readme, "", "| Vendor | What the vendor documents");
    let feature_rows = table_rows(&readme, "", "| Feature |");
    let security = read("src/manual/security.rs");
    let security_rows = table_rows(&security, "//!", "| Vendor | The vendor offers");
    let seeds: Vec<String> = fs::read_dir(root().join("fuzz/seeds/dispatch"))
        .expect("fuzz/seeds/dispatch/")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();

    let mut missing = Vec::new();
    for vendor in Vendor::ALL.iter().copied() {
        let slug = vendor.slug();
        let mut lacks = |piece: String| missing.push(format!("{vendor} ({slug}): {piece}"));

        if cfg!(feature = "all-vendors") && !vendor.is_compiled_in() {
            lacks("its cargo feature is not in `all-vendors` (Cargo.toml)".to_owned());
        }
        let fixtures = root().join("tests/fixtures").join(slug);
        if !has_fixture(&fixtures) {
            lacks(format!(
                "no fixture tests/fixtures/{slug}/*.json (also its CLI samples and fuzz seeds)"
            ));
        }
        let test_file = format!("tests/{slug}.rs");
        match fs::read_to_string(root().join(&test_file)) {
            Err(_) => lacks(format!("no {test_file}")),
            Ok(text) if !text.contains(&format!("Conformance::new(Vendor::{vendor:?})")) => lacks(format!(
                "{test_file} does not run `Conformance::new(Vendor::{vendor:?})` (tests/common/vendor_conformance.rs)"
            )),
            Ok(_) => {}
        }
        if !seeds.iter().any(|seed| seed.starts_with(&format!("{slug}_"))) {
            lacks(format!(
                "no fuzz seed fuzz/seeds/dispatch/{slug}_* (WRITE_FUZZ_SEEDS=1 cargo test --test fuzz_seeds)"
            ));
        }
        if !readme_rows
            .iter()
            .any(|row| row.first().is_some_and(|cell| names_in(cell).contains(&vendor.name())))
        {
            lacks(format!(
                "no row starting `| {}` in README.md's \"What is verified\" table",
                vendor.name()
            ));
        }
        if !feature_rows
            .iter()
            .any(|row| row.first().is_some_and(|cell| cell.contains(&format!("`{slug}`"))))
        {
            lacks(format!("`{slug}` is not in README.md's feature table"));
        }
        if !security_rows
            .iter()
            .any(|row| row.first().is_some_and(|cell| names_in(cell).contains(&vendor.name())))
        {
            lacks(format!(
                "no row starting `| {}` in the security manual's table (src/manual/security.rs)",
                vendor.name()
            ));
        }
    }
    assert!(missing.is_empty(), "vendors lacking a piece:\n{}", missing.join("\n"));
}

/// The checks above can fail: a name the tables do not list is found missing.
#[test]
fn the_table_parsers_find_rows_and_miss_what_is_absent() {
    let readme = read("README.md");
    let rows = table_rows(&readme, "", "| Vendor | What the vendor documents");
    assert!(rows.len() >= Vendor::ALL.len(), "{rows:?}");
    assert!(
        !rows
            .iter()
            .any(|row| row.first().is_some_and(|cell| names_in(cell).contains(&"Acme Sign")))
    );
    let security = read("src/manual/security.rs");
    let rows = table_rows(&security, "//!", "| Vendor | The vendor offers");
    assert!(
        rows.iter().any(|row| names_in(&row[0]).contains(&"Zoho Sign")),
        "{rows:?}"
    );
    assert_eq!(names_in("eSignGlobal (Webhook channel)"), ["eSignGlobal"]);
    assert_eq!(names_in("DocuSign Connect (`docusign`)"), ["DocuSign Connect"]);
}
