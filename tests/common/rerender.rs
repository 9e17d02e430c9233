//! JSON written back the way another serializer would write the same value:
//! keys in the reverse order, indented. A vendor that re-renders a body on a
//! retry (or a proxy that re-serialises it) changes its bytes, never what it
//! says; keys derived from what a body says must not see the difference.

use serde_json::Value;

/// `value` with every object's keys in reverse order, two-space indented.
pub fn reversed_pretty(value: &Value) -> Vec<u8> {
    let mut out = String::new();
    write(value, 0, &mut out);
    out.into_bytes()
}

fn write(value: &Value, depth: usize, out: &mut String) {
    let pad = |depth: usize, out: &mut String| out.extend(std::iter::repeat_n("  ", depth));
    match value {
        Value::Object(map) if !map.is_empty() => {
            out.push_str("{\n");
            let entries: Vec<_> = map.iter().rev().collect();
            for (i, (key, member)) in entries.iter().enumerate() {
                pad(depth + 1, out);
                out.push_str(&Value::String((*key).clone()).to_string());
                out.push_str(" : ");
                write(member, depth + 1, out);
                out.push_str(if i + 1 < entries.len() { ",\n" } else { "\n" });
            }
            pad(depth, out);
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                pad(depth + 1, out);
                write(item, depth + 1, out);
                out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
            }
            pad(depth, out);
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}
