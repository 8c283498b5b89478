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
        printed[0].starts_with(r#"{"error":"invalid-hex","offset":3,"#),
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

/// The first output line as JSON (an error line) or as a JSON string (a hex line).
fn first(output: &Output) -> Value {
    let line = lines(output).into_iter().next().expect("one line");
    serde_json::from_str(&line).unwrap_or(Value::String(line))
}

fn error_of(output: &Output) -> (String, u64) {
    let got = first(output);
    (
        got["error"].as_str().unwrap_or("none").to_owned(),
        got["offset"].as_u64().unwrap_or(u64::MAX),
    )
}

fn fetch_request(id: &str) -> String {
    format!(
        r#"{{"document":"d","type":"snapshot","payload":{{"type":"snapshot-fetch-request","snapshotId":{id}}}}}"#
    )
}

fn snapshot_error(code: &str) -> String {
    format!(
        r#"{{"document":"d","type":"snapshot","payload":{{"type":"snapshot-error","requestKind":"","snapshotId":0,"code":{code},"message":""}}}}"#
    )
}

fn info_response(checksum: &str, state: &str) -> String {
    format!(
        r#"{{"document":"d","type":"snapshot","payload":{{"type":"snapshot-info-response","snapshot":{{"id":1,"name":"","createdAt":0,"userId":""}},"details":{{"description":"","tags":[],"contentLength":0,"checksum":"{checksum}","expiresAt":0,"parentId":0,"state":"{state}"}}}}}}"#
    )
}

// spec/json-form.md, "The inspector": every statement below is one assertion.

#[test]
fn encode_refuses_json_whose_frame_a_strict_decoder_rejects() {
    let update = |name: &str| {
        format!(r#"{{"document":"{name}","type":"doc","payload":{{"type":"update","update":""}}}}"#)
    };
    // 1,024 bytes is the default maxNameBytes: allowed; one more is what the decoder rejects.
    let at_limit = run(&["encode", &update(&"a".repeat(1024))], "");
    assert_eq!(at_limit.status.code(), Some(0));
    let hex = lines(&at_limit)[0].clone();
    assert!(hex.starts_with("594a53018008"), "{hex}");
    let over = run(&["encode", &update(&"a".repeat(1025))], "");
    assert_eq!(over.status.code(), Some(1));
    assert_eq!(error_of(&over), ("limit-exceeded".to_owned(), 4));
    // A string over maxStringBytes: at its length prefix in the frame, 24 = "YJS" 01,
    // varString "d", 02, then varString "snapshot-request" (1 + 16 bytes).
    let long = "x".repeat(65537);
    let json = format!(
        r#"{{"document":"d","type":"snapshot","payload":{{"type":"snapshot-request","name":"{long}","currentSnapshotName":""}}}}"#
    );
    let over = run(&["encode"], &format!("{json}\n"));
    assert_eq!(error_of(&over), ("limit-exceeded".to_owned(), 24));
}

#[test]
fn invalid_json_offsets_are_utf8_byte_offsets_of_the_syntax_error_else_0() {
    // Where the syntax check stopped: the end of the line for a cut line, the first extra byte.
    let cut = run(&["encode", r#"{"type":"ping""#], "");
    assert_eq!(error_of(&cut), ("invalid-json".to_owned(), 14));
    let extra = run(&["encode", r#"{"type":"ping"} x"#], "");
    assert_eq!(error_of(&extra), ("invalid-json".to_owned(), 16));
    let comma = run(&["encode", r#"{"type":"ping",}"#], "");
    assert_eq!(error_of(&comma), ("invalid-json".to_owned(), 15));
    // Bytes, not characters: "é" is 2 bytes, so the same error is one further on.
    let ascii = run(&["encode", r#"{"document":"e","type":"ping",}"#], "");
    let accented = run(&["encode", r#"{"document":"é","type":"ping",}"#], "");
    assert_eq!(error_of(&ascii), ("invalid-json".to_owned(), 30));
    assert_eq!(error_of(&accented), ("invalid-json".to_owned(), 31));
    // Well-formed JSON that is not a frame: always 0.
    for json in [
        r#"{"type":"ping","type":"ping"}"#,
        r#"{"type":"ping","document":"x"}"#,
        r#"{"type":"pong","x":1}"#,
        r#"{"type":"snapshot","document":"d"}"#,
        r#"{"document":"\ud800","type":"doc","payload":{"type":"update","update":""}}"#,
        r#"{"document":"\udc00","type":"doc","payload":{"type":"update","update":""}}"#,
        r#"{"document":"a","document":"b","type":"doc","payload":{"type":"update","update":""}}"#,
        r#"{"document":"d","type":"doc","payload":{"type":"update","update":"01","update":"02"}}"#,
        r#"{"type":"ping","type":"pong"}"#,
        r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-revert-response","snapshot":{"id":1,"id":1,"name":"","createdAt":0,"userId":""}}}"#,
        r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-revert-response","snapshot":{"id":1,"name":"","createdAt":0}}}"#,
        r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-revert-response","snapshot":{"id":1,"name":"","createdAt":0,"userId":"","x":0}}}"#,
        r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-info-response","snapshot":{"id":1,"name":"","createdAt":0,"userId":""},"details":{"description":"","tags":[],"contentLength":0,"checksum":"","expiresAt":0,"parentId":0,"state":"active","state":"active"}}}"#,
        r#"[]"#,
        r#"7"#,
    ] {
        let output = run(&["encode", json], "");
        assert_eq!(output.status.code(), Some(1), "{json}");
        assert_eq!(error_of(&output), ("invalid-json".to_owned(), 0), "{json}");
    }
    // A paired surrogate escape is one character.
    let emoji = run(
        &[
            "encode",
            r#"{"document":"\ud83d\ude00","type":"doc","payload":{"type":"update","update":""}}"#,
        ],
        "",
    );
    assert_eq!(first(&emoji), "594a530104f09f9880000200");
}

#[test]
fn invalid_json_for_a_line_that_is_not_utf8_is_at_its_first_bad_byte() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yjs-wire"))
        .arg("encode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(b"{\"type\":\"\xff\"}\n{\"type\":\"ping\"}\r\n")
        .unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    assert_eq!(error_of(&output), ("invalid-json".to_owned(), 9));
    // The run goes on after it, and a CR before the LF is dropped.
    assert_eq!(lines(&output)[1], "594a5370696e67");
    assert_eq!(output.status.code(), Some(1));

    let mut child = Command::new(env!("CARGO_BIN_EXE_yjs-wire"))
        .arg("decode")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(b"59\xff4a\n594a5370696e67\n").unwrap();
    drop(pipe);
    let output = child.wait_with_output().unwrap();
    assert_eq!(error_of(&output), ("invalid-hex".to_owned(), 2));
    assert_eq!(lines(&output)[1], r#"{"type":"ping"}"#);
}

#[test]
fn the_library_json_form_does_not_check_limits_so_the_inspector_does() {
    use yjs_wire::{snapshot::Shared, Frame};
    let name = "a".repeat(1025);
    let json = format!(
        r#"{{"document":"{name}","type":"doc","payload":{{"type":"update","update":""}}}}"#
    );
    let frame: Frame<Shared> = serde_json::from_str(&json).unwrap();
    let bytes = frame.to_vec();
    let err = yjs_wire::decode(&bytes).unwrap_err();
    assert_eq!((err.kind().as_str(), err.offset()), ("limit-exceeded", 4));
    let output = run(&["encode", &json], "");
    assert_eq!(error_of(&output), ("limit-exceeded".to_owned(), 4));
}

#[test]
fn integers_are_json_integers_only() {
    for id in ["1.0", "1e3", "-0", "-1", "1.5", "9007199254740992", "\"1\""] {
        let output = run(&["encode", &fetch_request(id)], "");
        assert_eq!(error_of(&output), ("invalid-json".to_owned(), 0), "{id}");
    }
    for (id, tail) in [("0", "00"), ("9007199254740991", "ffffffffffffff0f")] {
        let output = run(&["encode", &fetch_request(id)], "");
        let hex = lines(&output)[0].clone();
        assert!(hex.ends_with(tail), "{id}: {hex}");
    }
}

#[test]
fn invalid_hex_is_the_byte_index_in_the_line_as_given() {
    let cases = [
        ("594g", 3),          // the bad digit itself
        ("59 4g", 4),         // whitespace counts: the index is in the line as typed
        ("594", 2),           // an odd number of digits: the last digit
        ("594g5", 3),         // a bad digit wins over the odd count
        ("0x594a", 1),        // no 0x prefix
        ("+f", 0),            // a sign is not a digit
        ("59\u{e9}4a", 2),    // non-ASCII: its first byte
        ("594a 53 70 6", 11), // odd count with spaces: the last digit
    ];
    for (hex, at) in cases {
        let output = run(&["decode", hex], "");
        assert_eq!(error_of(&output), ("invalid-hex".to_owned(), at), "{hex:?}");
    }
    // Upper case, and whitespace anywhere (even inside a byte), are accepted.
    for hex in [
        "594A5370696E67",
        "59 4a 53 70 69 6e 67",
        " 5 94a5370696e6 7\t",
    ] {
        let output = run(&["decode", hex], "");
        assert_eq!(lines(&output), [r#"{"type":"ping"}"#], "{hex:?}");
    }
}

#[test]
fn blank_lines_are_frames_too() {
    // decode: an empty or blank line is the empty frame; encode: it is not JSON (offset 0).
    let output = run(&["decode"], "\n   \n594a5370696e67\n");
    let printed = lines(&output);
    assert_eq!(printed.len(), 3);
    for line in &printed[..2] {
        assert!(
            line.starts_with(r#"{"error":"truncated","offset":0,"#),
            "{line}"
        );
    }
    let output = run(&["encode"], "\n  \n{\"type\":\"ping\"}\n");
    let printed = lines(&output);
    assert_eq!(printed.len(), 3);
    assert!(printed[0].starts_with(r#"{"error":"invalid-json","offset":0,"#));
    assert!(printed[1].starts_with(r#"{"error":"invalid-json","offset":2,"#));
    assert_eq!(printed[2], "594a5370696e67");
}

#[test]
fn error_codes_checksums_and_states_in_json() {
    let accepted = [
        ("\"not-found\"", "01"),
        ("\"internal\"", "09"),
        ("\"unknown-0\"", "00"),
        ("\"unknown-10\"", "0a"),
        ("\"unknown-9007199254740991\"", "ffffffffffffff0f"),
    ];
    for (code, wire) in accepted {
        let output = run(&["encode", &snapshot_error(code)], "");
        assert_eq!(
            lines(&output),
            [format!(
                "594a53010164020e736e617073686f742d6572726f720000{wire}00"
            )],
            "{code}"
        );
    }
    for code in [
        "\"unknown-007\"",
        "\"unknown-2\"",
        "\"unknown-9\"",
        "\"unknown-+10\"",
        "\"unknown-9007199254740992\"",
        "\"Not-Found\"",
        "1",
    ] {
        let output = run(&["encode", &snapshot_error(code)], "");
        assert_eq!(error_of(&output), ("invalid-json".to_owned(), 0), "{code}");
    }
    // Checksum: "" or 64 hex digits, either case; printed back in lower case.
    let upper = "AB".repeat(32);
    let output = run(&["encode", &info_response(&upper, "active")], "");
    let hex = lines(&output)[0].clone();
    assert!(hex.contains(&format!("20{}", "ab".repeat(32))), "{hex}");
    let decoded = run(&["decode", &hex], "");
    assert_eq!(
        first(&decoded)["payload"]["details"]["checksum"],
        "ab".repeat(32)
    );
    for (checksum, state) in [
        ("aa", "active"),
        (&"ab".repeat(33)[..], "active"),
        ("", "bogus"),
        ("", "Active"),
    ] {
        let output = run(&["encode", &info_response(checksum, state)], "");
        assert_eq!(
            error_of(&output),
            ("invalid-json".to_owned(), 0),
            "{checksum} {state}"
        );
    }
}

#[test]
fn known_ids_keep_their_order_and_repeats() {
    let json = r#"{"document":"d","type":"snapshot","payload":{"type":"list-snapshots-since","knownIds":[3,1,3]}}"#;
    let output = run(&["encode", json], "");
    let hex = lines(&output)[0].clone();
    assert!(hex.ends_with("03030103"), "{hex}");
    assert_eq!(lines(&run(&["decode", &hex], "")), [json.to_owned()]);
}

#[test]
fn relay_mode_payload_is_an_inner_object() {
    // The unknown kind's JSON replaces the SNAPSHOT object: {"type": KIND, "payload": HEX}
    // inside the frame's "payload". An empty rest is "".
    let hex = "594a5301016402057864656d6f";
    let kept = run(&["decode", "--keep-unknown-kinds", hex], "");
    assert_eq!(
        first(&kept),
        serde_json::json!({"document": "d", "type": "snapshot",
            "payload": {"type": "xdemo", "payload": ""}})
    );
    // Inspection only: the JSON reader takes known kinds only.
    let encoded = run(&["encode", &lines(&kept)[0]], "");
    assert_eq!(error_of(&encoded), ("invalid-json".to_owned(), 0));
}

#[test]
fn error_lines_and_payload_fields_are_told_apart_by_the_top_level_keys() {
    // snapshot-error has a "message" and search-snapshots an "offset", but only inside
    // "payload"; an error line has "error" at the top and no "type".
    let valid = vectors("valid.json");
    for name in ["ext-snapshot-error", "ext-search-snapshots"] {
        let v = valid.iter().find(|v| v["name"] == name).unwrap();
        let got = first(&run(&["decode", v["hex"].as_str().unwrap()], ""));
        let top = got.as_object().unwrap();
        assert!(
            top.contains_key("type") && !top.contains_key("error"),
            "{name}"
        );
        assert!(!top.contains_key("message") && !top.contains_key("offset"));
        let payload = got["payload"].as_object().unwrap();
        assert!(payload.contains_key("message") || payload.contains_key("offset"));
    }
    let got = first(&run(&["decode", "59"], ""));
    let top = got.as_object().unwrap();
    assert!(top.contains_key("error") && !top.contains_key("type"));
}

#[test]
fn an_addition_turns_an_unknown_kind_into_an_error_of_its_payload() {
    // spec/versioning.md: "snapshot-error" with nothing after it was unknown-snapshot-kind at 9
    // before edition 1.1; now it is a known kind whose requestKind is missing.
    let hex = "594a530103646f63020e736e617073686f742d6572726f72";
    let output = run(&["decode", hex], "");
    assert_eq!(error_of(&output), ("truncated".to_owned(), 24));
    // A kind no edition defines stays where it was.
    let hex = "594a530103646f63020e736e617073686f742d6572726f7a";
    let output = run(&["decode", hex], "");
    assert_eq!(error_of(&output), ("unknown-snapshot-kind".to_owned(), 9));
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
