//! The README reads the same on GitHub and crates.io as it does in rustdoc:
//! every Rust snippet is a whole program with no hidden (`# `) lines, so it
//! compiles when pasted into a fresh crate (the snippets themselves are
//! compiled and run as doctests: `ReadmeDoctests` in `src/lib.rs`).

const README: &str = include_str!("../README.md");

/// The Rust code blocks of the README: (line of the opening fence, code).
fn rust_blocks() -> Vec<(usize, Vec<&'static str>)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, Vec<&str>)> = None;
    for (index, line) in README.lines().enumerate() {
        match current.as_mut() {
            None if line.starts_with("```rust") => current = Some((index + 1, Vec::new())),
            Some(_) if line.starts_with("```") => blocks.extend(current.take()),
            Some((_, code)) => code.push(line),
            None => {}
        }
    }
    blocks
}

#[test]
fn readme_snippets_hide_nothing() {
    let blocks = rust_blocks();
    assert!(blocks.len() >= 4, "the README's Rust snippets were not found");
    for (line, code) in blocks {
        let hidden = code
            .iter()
            .find(|l| l.trim_start() == "#" || l.trim_start().starts_with("# "));
        assert!(
            hidden.is_none(),
            "README.md:{line}: a hidden rustdoc line shows on GitHub and breaks a copy: {hidden:?}"
        );
        assert!(
            code.iter().any(|l| l.contains("fn main(")),
            "README.md:{line}: a snippet must be a whole program (fn main) that compiles when copied"
        );
    }
}

#[test]
fn readme_installs_the_cli_with_the_locked_tree() {
    for line in README.lines().filter(|l| l.starts_with("cargo install")) {
        assert!(
            line.contains("--locked"),
            "README installs the CLI without --locked: {line}"
        );
    }
}
