//! `manual::servers` names every environment variable the examples read, so
//! a reader can configure them from the manual alone.

use std::path::Path;

/// Every `var("NAME"` in the examples' sources.
fn variables_read() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut files = vec![dir.join("common/mod.rs")];
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    let mut names = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (_, rest) in source.match_indices("var(\"").map(|(i, _)| source.split_at(i + 5)) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if !name.is_empty() && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

#[test]
fn the_servers_manual_names_every_variable_the_examples_read() {
    let manual = include_str!("../src/manual/servers.rs");
    let names = variables_read();
    assert!(names.len() >= 20, "the examples' variables were not found: {names:?}");
    for name in names {
        assert!(
            manual.contains(&format!("`{name}`")),
            "manual::servers does not name `{name}`, which the examples read"
        );
    }
}
