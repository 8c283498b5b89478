//! Differential run against lib0 itself, through node (`tests/js`, `npm ci` first).
//!
//! Thousands of random frames of every shape, generated in JavaScript:
//! - JS (lib0 writers) encodes → Rust decodes strictly → same JSON form, same bytes again;
//! - Rust encodes the same values (from the JSON form) → JS (lib0 readers) decodes → same JSON,
//!   and lib0 re-encoding Rust's JSON gives Rust's bytes.
//!
//! Skipped with a message when `tests/js/node_modules` is missing, unless
//! `YJS_WIRE_REQUIRE_NODE=1` (as `.ci/run` sets), in which case that is a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;
use yjs_wire::{decode, snapshot::Shared, Frame};

const FRAMES: usize = 5000;
const SEED: &str = "yjs-wire-differential-1";

fn js_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js")
}

/// Whether lib0 is installed; panics if it must be and is not.
fn node_ready() -> bool {
    let ready = js_dir().join("node_modules/lib0").is_dir();
    if !ready {
        let required = std::env::var("YJS_WIRE_REQUIRE_NODE").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "tests/js/node_modules is missing: run `npm ci --prefix tests/js`"
        );
        eprintln!("SKIPPED lib0 differential run: run `npm ci --prefix tests/js` first");
    }
    ready
}

/// Run `node cli.mjs <args>` with `input` on stdin; its stdout lines.
fn node(args: &[&str], input: &str) -> Vec<String> {
    let mut child = Command::new("node")
        .arg("cli.mjs")
        .args(args)
        .current_dir(js_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("node finishes");
    writer.join().expect("writer").expect("stdin written");
    assert!(output.status.success(), "node cli.mjs {args:?} failed");
    String::from_utf8(output.stdout)
        .expect("utf-8")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn lib0_and_yjs_wire_agree_byte_for_byte_both_ways() {
    if !node_ready() {
        return;
    }
    let count = FRAMES.to_string();
    let generated = node(&["generate", "--count", &count, "--seed", SEED], "");
    assert_eq!(generated.len(), FRAMES);

    let mut rust_hex = String::new();
    let mut rust_json = String::new();
    let mut expected_json = Vec::new();
    let mut shapes = std::collections::BTreeSet::new();
    for (i, line) in generated.iter().enumerate() {
        let case: Value = serde_json::from_str(line).expect("generator line is JSON");
        let (json, js_hex) = (&case["json"], case["hex"].as_str().expect("hex field"));

        // lib0 wrote it; the strict decoder takes it and gives back the same bytes.
        let js_bytes = unhex(js_hex);
        let frame = decode(&js_bytes).unwrap_or_else(|e| panic!("frame {i}: {e}\n{line}"));
        assert_eq!(
            &serde_json::to_value(&frame).unwrap(),
            json,
            "frame {i}: JSON form"
        );
        assert_eq!(frame.to_vec(), js_bytes, "frame {i}: re-encode");
        shapes.insert(format!("{:?}", frame.kind()));

        // Rust encodes the same values from the JSON form.
        let ours: Frame<Shared> = serde_json::from_value(json.clone()).expect("JSON form parses");
        let our_bytes = ours.to_vec();
        assert_eq!(
            our_bytes, js_bytes,
            "frame {i}: Rust encoding equals lib0's"
        );
        rust_hex.push_str(&hex(&our_bytes));
        rust_hex.push('\n');
        rust_json.push_str(&serde_json::to_string(&ours).unwrap());
        rust_json.push('\n');
        expected_json.push(json.clone());
    }
    // ping, pong, three doc types, awareness, and every snapshot kind (base and extensions).
    assert_eq!(
        shapes.len(),
        6 + yjs_wire::snapshot::SnapshotKind::ALL.len(),
        "every frame shape was generated: {shapes:?}"
    );

    // lib0 reads what Rust wrote.
    let decoded = node(&["decode"], &rust_hex);
    assert_eq!(decoded.len(), FRAMES);
    for (i, (line, json)) in decoded.iter().zip(&expected_json).enumerate() {
        let value: Value = serde_json::from_str(line).expect("node decode line is JSON");
        assert_eq!(
            &value, json,
            "frame {i}: lib0 decodes Rust's bytes to the same frame"
        );
    }

    // lib0 writes Rust's JSON form to Rust's bytes.
    let encoded = node(&["encode"], &rust_json);
    let rust_lines: Vec<&str> = rust_hex.lines().collect();
    assert_eq!(
        encoded, rust_lines,
        "lib0 encodes Rust's JSON to Rust's bytes"
    );
    println!(
        "lib0 differential: {FRAMES} frames, {} shapes, agreed both ways",
        shapes.len()
    );
}
