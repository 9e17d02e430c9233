//! Turns serde_json's line/column into a JSON path (`$.data.items[2].status`),
//! so a payload error says where it broke in the vendor's terms.
//!
//! serde_json reports positions, not paths. Rather than tracking the path during
//! every parse (which costs on the hot path), the path is rebuilt only when an
//! error happens, by a small scanner over the bytes before the error position.

enum Frame {
    Object { key: Option<String>, after_key: bool },
    Array { index: usize },
}

/// The JSON path of the value being read at `line`/`column` (1-based, as serde_json reports them).
#[cfg(test)]
pub(crate) fn path_at(body: &[u8], line: usize, column: usize) -> String {
    path_at_offset(body, offset_of(body, line, column))
}

/// The JSON path of the value being read at byte `end` of `body`.
pub(crate) fn path_at_offset(body: &[u8], end: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        let Some(&byte) = body.get(i) else { break };
        match byte {
            b'{' => stack.push(Frame::Object {
                key: None,
                after_key: false,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index = index.saturating_add(1),
                Some(Frame::Object { key, after_key }) => {
                    *key = None;
                    *after_key = false;
                }
                None => {}
            },
            b':' => {
                if let Some(Frame::Object { after_key, .. }) = stack.last_mut() {
                    *after_key = true;
                }
            }
            b'"' => {
                let (text, next) = read_string(body, i + 1);
                if let Some(Frame::Object { key, after_key }) = stack.last_mut() {
                    if !*after_key && key.is_none() {
                        *key = Some(text);
                    }
                }
                i = next;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    render(&stack)
}

/// The byte offset of a 1-based line and column.
pub(crate) fn offset_of(body: &[u8], line: usize, column: usize) -> usize {
    let mut start = 0;
    let mut current = 1;
    while current < line {
        match body.get(start..).and_then(|rest| rest.iter().position(|&b| b == b'\n')) {
            Some(newline) => {
                start += newline + 1;
                current += 1;
            }
            None => return body.len(),
        }
    }
    start.saturating_add(column).min(body.len())
}

/// Reads a JSON string starting after its opening quote; returns its text (escapes kept
/// as written) and the index after the closing quote.
fn read_string(body: &[u8], mut i: usize) -> (String, usize) {
    let start = i;
    while let Some(&byte) = body.get(i) {
        match byte {
            b'\\' => i += 2,
            b'"' => {
                let text = body.get(start..i).unwrap_or_default();
                return (String::from_utf8_lossy(text).into_owned(), i + 1);
            }
            _ => i += 1,
        }
    }
    let text = body.get(start..).unwrap_or_default();
    (String::from_utf8_lossy(text).into_owned(), body.len())
}

/// The 1-based line and column of byte `offset`.
pub(crate) fn line_column(body: &[u8], offset: usize) -> (usize, usize) {
    let before = body.get(..offset).unwrap_or(body);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = match before.iter().rposition(|&b| b == b'\n') {
        Some(newline) => offset - newline - 1,
        None => offset,
    };
    (line, column)
}

/// The most characters of one key shown in a path; longer keys end with `…`.
const MAX_KEY_CHARS: usize = 64;

/// Appends `text` for an error message: control characters escaped (`\u000a`),
/// so a hostile body cannot put line breaks in logs, and at most `max`
/// characters, then `…`.
pub(crate) fn push_printable(out: &mut String, text: &str, max: usize) {
    for (count, c) in text.chars().enumerate() {
        if count == max {
            out.push('…');
            return;
        }
        if c.is_control() {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
}

fn render(stack: &[Frame]) -> String {
    let mut path = String::from("$");
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                    path.push('.');
                    path.push_str(key);
                } else {
                    path.push_str("[\"");
                    push_printable(&mut path, key, MAX_KEY_CHARS);
                    path.push_str("\"]");
                }
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn path_of_error<T: serde::de::DeserializeOwned>(json: &str) -> String {
        let err = serde_json::from_str::<T>(json).map(drop).expect_err("must fail");
        path_at(json.as_bytes(), err.line(), err.column())
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        status: i32,
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Outer {
        data: Data,
    }

    #[derive(serde::Deserialize)]
    #[allow(dead_code)]
    struct Data {
        name: String,
        items: Vec<Item>,
    }

    #[test]
    fn points_into_arrays_and_objects() {
        let json = r#"{"data":{"name":"x","items":[{"status":1},{"status":"bad"}]}}"#;
        assert_eq!(path_of_error::<Outer>(json), "$.data.items[1].status");
    }

    #[test]
    fn works_across_lines() {
        let json = "{\n  \"data\": {\n    \"name\": 7,\n    \"items\": []\n  }\n}";
        assert_eq!(path_of_error::<Outer>(json), "$.data.name");
    }

    #[test]
    fn missing_field_points_at_its_object() {
        let json = r#"{"data":{"name":"x"}}"#;
        assert_eq!(path_of_error::<Outer>(json), "$.data");
    }

    #[test]
    fn odd_keys_are_quoted_and_escapes_skipped() {
        let json = r#"{"a \"b\"":{"name":1}}"#;
        let err = serde_json::from_str::<std::collections::HashMap<String, Data>>(json)
            .err()
            .expect("must fail");
        assert_eq!(
            path_at(json.as_bytes(), err.line(), err.column()),
            r#"$["a \"b\""].name"#
        );
    }
}
