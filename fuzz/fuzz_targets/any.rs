//! `any`: raw bytes from the fuzzer as one lib0 `any` value.
//!
//! Asserts: no input panics (deep nesting is refused at the depth limit, not by the stack);
//! a value that decodes re-encodes to exactly its input (borrowed and owned forms), reads to
//! its leaves, and its JSON form encodes back to the same bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yjs_wire::lib0::any::{self, Any, AnyValue};

fn walk(value: Any<'_>) -> usize {
    match value {
        Any::Array(items) => items.iter().map(walk).sum::<usize>() + 1,
        Any::Object(entries) => entries.iter().map(|(k, v)| k.len() + walk(v)).sum::<usize>() + 1,
        _ => 1,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(value) = any::decode(data) else { return };
    let mut out = Vec::new();
    value.write(&mut out);
    assert_eq!(out, data, "the borrowed value re-encodes differently");
    assert_eq!(value.encoded_len(), data.len());
    walk(value);
    let owned = value.to_value();
    assert_eq!(owned.to_vec(), data, "the owned value re-encodes differently");
    let json = serde_json::to_string(&value).unwrap();
    let mut de = serde_json::Deserializer::from_str(&json);
    de.disable_recursion_limit();
    let back: AnyValue = serde::Deserialize::deserialize(&mut de).expect("JSON form reads");
    assert_eq!(back.to_vec(), data, "the JSON form encodes differently");
});
