//! The `yjs-wire` inspector as outside checks use it: verbs, one line per frame, error lines,
//! exit status, and every spec vector through `decode` and `encode`.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yjs-wire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("inspector runs");
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_owned();
    // Written from a thread so a large input cannot deadlock against unread output; a frame
    // given as arguments means stdin is never read, so a broken pipe is expected then.
    let writer = std::thread::spawn(move || match pipe.write_all(input.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("stdin: {e}"),
        _ => {}
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

fn lines(output: &Output) -> Vec<String> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect()
}

fn vectors(file: &str) -> Vec<Value> {
    let path = format!("{}/spec/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn decode_prints_the_json_form_of_every_valid_vector_from_stdin() {
    let valid = vectors("valid.json");
    let input: String = valid
        .iter()
        .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
        .collect();
    let output = run(&["decode"], &input);
    assert_eq!(output.status.code(), Some(0));
    let printed = lines(&output);
    assert_eq!(printed.len(), valid.len());
    for (line, v) in printed.iter().zip(&valid) {
        assert!(
            !line.contains('\n') && !line.contains("  "),
            "compact: {line}"
        );
        assert_eq!(
            serde_json::from_str::<Value>(line).unwrap(),
            v["json"],
            "{}",
            v["name"]
        );
    }
}

#[test]
fn encode_prints_the_hex_of_every_valid_vector() {
    let valid = vectors("valid.json");
    let input: String = valid.iter().map(|v| format!("{}\n", v["json"])).collect();
    let output = run(&["encode"], &input);
    assert_eq!(output.status.code(), Some(0));
    let expected: Vec<&str> = valid.iter().map(|v| v["hex"].as_str().unwrap()).collect();
    assert_eq!(lines(&output), expected);
}

#[test]
fn decode_prints_an_error_line_per_invalid_vector_and_exits_1() {
    let invalid = vectors("invalid.json");
    let input: String = invalid
        .iter()
        .map(|v| format!("{}\n", v["hex"].as_str().unwrap()))
        .collect();
    let output = run(&["decode"], &input);
    assert_eq!(output.status.code(), Some(1));
    let printed = lines(&output);
    assert_eq!(
        printed.len(),
        invalid.len(),
        "an empty line is an empty frame, not skipped"
    );
    for (line, v) in printed.iter().zip(&invalid) {
        let got: Value = serde_json::from_str(line).unwrap();
        assert_eq!(got["error"], v["error"], "{}", v["name"]);
        assert_eq!(got["offset"], v["offset"], "{}", v["name"]);
        assert!(got["message"].as_str().is_some_and(|m| !m.is_empty()));
        let keys: Vec<&String> = got.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["error", "offset", "message"]);
    }
}

#[test]
fn arguments_are_frames_and_failures_do_not_stop_the_run() {
    let output = run(
        &["decode", "594a5370696e67", "594a5302", "594a53706f6e67"],
        "ignored",
    );
    assert_eq!(output.status.code(), Some(1));
    let printed = lines(&output);
    assert_eq!(printed[0], r#"{"type":"ping"}"#);
    assert!(printed[1].starts_with(r#"{"error":"unsupported-version","offset":3,"#));
    assert_eq!(printed[2], r#"{"type":"pong"}"#);

    let output = run(
        &[
            "encode",
            r#"{"type":"pong"}"#,
            "{nope",
            r#"{"type":"ping"}"#,
        ],
        "",
    );
    assert_eq!(output.status.code(), Some(1));
    let printed = lines(&output);
    assert_eq!(printed[0], "594a53706f6e67");
    assert!(printed[1].starts_with(r#"{"error":"invalid-json","#));
    assert_eq!(printed[2], "594a5370696e67");
}

#[test]
fn json_key_order_follows_the_json_form() {
    let output = run(&["decode", "594a530103646f6300020201ff"], "");
    assert_eq!(
        lines(&output),
        [r#"{"document":"doc","type":"doc","payload":{"type":"update","update":"01ff"}}"#]
    );
}

#[test]
fn bad_hex_and_out_of_range_json_are_error_lines() {
    let output = run(&["decode", "594g", "594"], "");
    let printed = lines(&output);
    assert!(
        printed[0].starts_with(r#"{"error":"invalid-hex","offset":2,"#),
        "{}",
        printed[0]
    );
    assert!(
        printed[1].starts_with(r#"{"error":"invalid-hex","offset":2,"#),
        "{}",
        printed[1]
    );
    let too_big = r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-fetch-request","snapshotId":9007199254740992}}"#;
    let output = run(&["encode", too_big], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(lines(&output)[0].contains("integer-out-of-range"));
}

#[test]
fn example_and_usage() {
    let output = run(&["decode", "--example"], "");
    assert_eq!(output.status.code(), Some(0));
    let frame: Value = serde_json::from_str(&lines(&output)[0]).unwrap();
    assert_eq!(frame["payload"]["type"], "snapshot-fetch-response");
    let pretty = run(&["decode", "--example", "--pretty"], "");
    assert!(lines(&pretty).len() > 5);
    assert_eq!(run(&[], "").status.code(), Some(2));
    assert_eq!(run(&["frobnicate"], "").status.code(), Some(2));
}

#[test]
fn unknown_kinds_fail_unless_kept() {
    // "YJS" 01 "d" 02 varString("snapshot-lock-request") 07 02 "me"
    let hex = "594a530101640215736e617073686f742d6c6f636b2d7265717565737407026d65";
    let strict = run(&["decode", hex], "");
    assert_eq!(strict.status.code(), Some(1));
    assert!(lines(&strict)[0].starts_with(r#"{"error":"unknown-snapshot-kind","offset":7,"#));
    let kept = run(&["decode", "--keep-unknown-kinds", hex], "");
    assert_eq!(kept.status.code(), Some(0));
    assert_eq!(
        lines(&kept)[0],
        r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-lock-request","payload":"07026d65"}}"#
    );
    // The JSON form accepts known kinds only.
    let encoded = run(&["encode", &lines(&kept)[0]], "");
    assert_eq!(encoded.status.code(), Some(1));
    assert!(lines(&encoded)[0].contains("invalid-json"));
    assert_eq!(
        run(&["encode", "--keep-unknown-kinds"], "").status.code(),
        Some(2)
    );
}

/// "YJS" 01, a document name of `len` bytes 'x', awareness with an empty update.
fn frame_with_name(len: usize) -> String {
    let mut prefix = Vec::new();
    let mut n = len;
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            prefix.push(low);
            break;
        }
        prefix.push(low | 0x80);
    }
    let prefix: String = prefix.iter().map(|b| format!("{b:02x}")).collect();
    format!("594a5301{prefix}{}0100", "78".repeat(len))
}

#[test]
fn max_name_bytes_lets_a_long_captured_name_decode() {
    let long = frame_with_name(1025);
    let strict = run(&["decode", &long], "");
    assert_eq!(strict.status.code(), Some(1));
    assert!(
        lines(&strict)[0].starts_with(r#"{"error":"limit-exceeded","offset":4,"#),
        "{}",
        lines(&strict)[0]
    );
    for args in [
        &["decode", "--max-name-bytes", "1025", &long][..],
        &["decode", "--max-name-bytes=1025", &long],
        &["decode", &long, "--max-name-bytes", "4096"], // flags anywhere
    ] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        let frame: Value = serde_json::from_str(&lines(&output)[0]).unwrap();
        assert_eq!(frame["document"], "x".repeat(1025));
        assert_eq!(frame["type"], "awareness");
    }
    // The limit is inclusive, and other limits stay at their defaults.
    let output = run(&["decode", "--max-name-bytes", "1024", &long], "");
    assert!(lines(&output)[0].contains("limit-exceeded"));
    let output = run(
        &["decode", "--max-name-bytes", "3", &frame_with_name(3)],
        "",
    );
    assert_eq!(output.status.code(), Some(0));
    let output = run(
        &["decode", "--max-name-bytes", "2", &frame_with_name(3)],
        "",
    );
    assert!(lines(&output)[0].starts_with(r#"{"error":"limit-exceeded","offset":4,"#));
}

#[test]
fn every_limit_has_a_flag_and_each_sets_its_own_limit() {
    let update = "594a530103646f6300020201ff"; // 13 bytes, update 01 ff
    let kind = "594a53010164020e6c6973742d736e617073686f7473"; // list-snapshots (14-byte kind)
    let list = vectors("valid.json")
        .into_iter()
        .find(|v| v["name"] == "snapshot-list-snapshots-response")
        .unwrap()["hex"]
        .as_str()
        .unwrap()
        .to_owned(); // three entries, count at byte 41
    let cases: [(&str, &str, &str, &str, usize); 4] = [
        ("--max-frame-bytes", "13", "12", update, 0),
        ("--max-payload-bytes", "2", "1", update, 10),
        ("--max-string-bytes", "14", "13", kind, 7),
        ("--max-list-entries", "3", "2", &list, 41),
    ];
    for (flag, enough, too_few, frame, offset) in cases {
        let output = run(&["decode", flag, enough, frame], "");
        assert_eq!(output.status.code(), Some(0), "{flag} {enough}");
        let output = run(&["decode", &format!("{flag}={too_few}"), frame], "");
        assert_eq!(output.status.code(), Some(1), "{flag} {too_few}");
        let expected = format!(r#"{{"error":"limit-exceeded","offset":{offset},"#);
        assert!(
            lines(&output)[0].starts_with(&expected),
            "{flag}: {}",
            lines(&output)[0]
        );
        // Lowering one limit leaves the others alone: the 1025-byte name still fails.
        let output = run(&["decode", flag, enough, &frame_with_name(1025)], "");
        assert!(lines(&output)[0].contains("limit-exceeded"), "{flag}");
    }
}

#[test]
fn limit_flags_are_checked_and_listed_in_the_usage() {
    for args in [
        &["decode", "--max-name-bytes"][..],
        &["decode", "--max-name-bytes", "many"],
        &["decode", "--max-name-bytes=-1"],
        &["decode", "--max-list-entries="],
        &["decode", "--pretty=yes"],
        &["encode", "--max-name-bytes", "3"],
    ] {
        let output = run(args, "");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let help = run(&["--help"], "");
    let usage = String::from_utf8(help.stderr).unwrap();
    for (flag, default) in [
        ("--max-frame-bytes", 16_777_216),
        ("--max-name-bytes", 1024),
        ("--max-string-bytes", 65_536),
        ("--max-payload-bytes", 16_777_216),
        ("--max-list-entries", 100_000),
    ] {
        let line = usage
            .lines()
            .find(|line| line.trim_start().starts_with(flag))
            .unwrap_or_else(|| panic!("{flag} is in the usage"));
        assert!(line.ends_with(&format!("(default {default})")), "{line}");
    }
    assert!(usage.contains("--keep-unknown-kinds") && usage.contains("Exit status"));
}
