//! spec/vectors/teleportal/ (written by teleportal's own encoder, see tests/js/teleportal/)
//! through every decode path of the teleportal dialect and through the inspector.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;
use yjs_wire::{bytes::Bytes, snapshot::Shared, teleportal, ErrorKind, Limits};

fn load(name: &str) -> Vec<Value> {
    let path = format!(
        "{}/spec/vectors/teleportal/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path}: {err}"));
    // The verdicts of the depth vectors nest deeper than serde_json's default limit.
    let mut de = serde_json::Deserializer::from_str(&text);
    de.disable_recursion_limit();
    serde::Deserialize::deserialize(&mut de).unwrap()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn str_of<'v>(v: &'v Value, key: &str) -> &'v str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

#[test]
fn valid_vectors_decode_encode_and_id_on_every_path() {
    let vectors = load("valid.json");
    assert!(vectors.len() >= 100, "only {} valid vectors", vectors.len());
    for v in &vectors {
        let name = str_of(v, "name");
        let bytes = unhex(str_of(v, "hex"));
        let borrowed = teleportal::decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let shared_bytes = Bytes::from(bytes.clone());
        let shared = teleportal::decode_shared(&shared_bytes).unwrap();
        assert_eq!(borrowed.to_vec(), bytes, "{name}: borrowed re-encode");
        assert_eq!(shared.to_vec(), bytes, "{name}: shared re-encode");
        assert_eq!(borrowed.encoded_len(), bytes.len(), "{name}");
        assert_eq!(
            shared.encode_vectored().chunks().concat(),
            bytes,
            "{name}: vectored"
        );
        assert_eq!(
            serde_json::to_value(&borrowed).unwrap(),
            v["json"],
            "{name}: JSON"
        );
        assert_eq!(
            serde_json::to_value(&shared).unwrap(),
            v["json"],
            "{name}: shared JSON"
        );
        assert_eq!(
            teleportal::message_id(&bytes).to_string(),
            str_of(v, "id"),
            "{name}"
        );
        assert_eq!(borrowed.id().to_string(), str_of(v, "id"), "{name}");
        let header = teleportal::decode_header(&bytes).unwrap();
        assert_eq!(header.kind(), borrowed.kind(), "{name}");
        assert_eq!(header.document(), borrowed.document(), "{name}");
        assert_eq!(header.encrypted(), borrowed.encrypted(), "{name}");
        assert_eq!(header.access(), borrowed.access(), "{name}");
        assert_eq!(teleportal::classify(&bytes), borrowed.access(), "{name}");
        if let teleportal::Frame::Rpc { message, .. } = &borrowed {
            assert_eq!(header.rpc_method(), Some(message.method), "{name}");
        }
        let from_json: teleportal::Frame<Shared> = serde_json::from_value(v["json"].clone())
            .unwrap_or_else(|e| panic!("{name}: JSON does not encode: {e}"));
        assert_eq!(
            hex(&from_json.to_vec()),
            str_of(v, "hex"),
            "{name}: encode from JSON"
        );
        assert_eq!(from_json, shared, "{name}");
    }
}

#[test]
fn invalid_vectors_fail_with_their_kind_and_offset() {
    let vectors = load("invalid.json");
    assert!(
        vectors.len() >= 100,
        "only {} invalid vectors",
        vectors.len()
    );
    let mut wrong = Vec::new();
    for v in &vectors {
        let name = str_of(v, "name");
        let bytes = unhex(str_of(v, "hex"));
        let expected = (
            ErrorKind::from_word(str_of(v, "error")).unwrap(),
            v["offset"].as_u64().unwrap() as usize,
        );
        let got = teleportal::decode(&bytes).map(|f| f.to_vec());
        let shared = teleportal::decode_shared(&Bytes::from(bytes.clone())).map(|f| f.to_vec());
        match (got, shared) {
            (Err(a), Err(b)) if (a.kind(), a.offset()) == expected && a == b => {}
            (got, _) => wrong.push(format!(
                "{name}: expected {expected:?}, got {:?}",
                got.map(|b| hex(&b)).map_err(|e| (e.kind(), e.offset()))
            )),
        }
        // The header peek agrees with the full decode on every error it reaches.
        if let Err(err) = teleportal::decode_header(&bytes) {
            assert_eq!((err.kind(), err.offset()), expected, "{name}: header peek");
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {}:\n{}",
        wrong.len(),
        vectors.len(),
        wrong.join("\n")
    );
}

#[test]
fn message_arrays_split_and_join() {
    for v in load("message-arrays.json") {
        let name = str_of(&v, "name");
        let bytes = unhex(str_of(&v, "hex"));
        let split: Result<Vec<&[u8]>, _> =
            teleportal::split_message_array(&bytes, &Limits::DEFAULT).collect();
        match v.get("error") {
            Some(kind) => {
                let err = split.expect_err(name);
                assert_eq!(
                    (err.kind().as_str(), err.offset() as u64),
                    (kind.as_str().unwrap(), v["offset"].as_u64().unwrap()),
                    "{name}"
                );
            }
            None => {
                let frames = split.unwrap_or_else(|e| panic!("{name}: {e}"));
                let expected: Vec<Vec<u8>> = v["frames"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| unhex(f.as_str().unwrap()))
                    .collect();
                assert_eq!(frames, expected, "{name}");
                assert_eq!(teleportal::join_message_array(frames), bytes, "{name}");
            }
        }
    }
}

#[test]
fn envelopes_split_and_join() {
    for v in load("envelopes.json") {
        let name = str_of(&v, "name");
        let bytes = unhex(str_of(&v, "hex"));
        let got = teleportal::decode_envelope(&bytes, &Limits::DEFAULT);
        match v.get("error") {
            Some(kind) => {
                let err = got.expect_err(name);
                assert_eq!(
                    (err.kind().as_str(), err.offset() as u64),
                    (kind.as_str().unwrap(), v["offset"].as_u64().unwrap()),
                    "{name}"
                );
            }
            None => {
                let envelope = got.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(envelope.source_id, str_of(&v, "sourceId"), "{name}");
                assert_eq!(hex(envelope.frame), str_of(&v, "frame"), "{name}");
                assert_eq!(
                    teleportal::encode_envelope(envelope.source_id, envelope.frame),
                    bytes,
                    "{name}"
                );
            }
        }
    }
}

fn inspector(args: &[&str], input: &str) -> Vec<Value> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_yjs-wire"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // Write from another thread: the child's output fills its pipe while we write.
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()).unwrap());
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or(Value::String(line.to_owned())))
        .collect()
}

#[test]
fn the_inspector_decodes_encodes_and_ids_every_vector() {
    let valid = load("valid.json");
    let hexes: String = valid
        .iter()
        .map(|v| format!("{}\n", str_of(v, "hex")))
        .collect();
    let decoded = inspector(&["decode", "--dialect", "teleportal"], &hexes);
    let ids = inspector(&["id"], &hexes);
    let jsons: String = valid.iter().map(|v| format!("{}\n", v["json"])).collect();
    let encoded = inspector(&["encode", "--dialect", "teleportal"], &jsons);
    assert_eq!(decoded.len(), valid.len());
    for (i, v) in valid.iter().enumerate() {
        let name = str_of(v, "name");
        assert_eq!(decoded[i], v["json"], "{name}");
        assert_eq!(ids[i], v["id"], "{name}");
        assert_eq!(encoded[i], v["hex"], "{name}");
    }
    let invalid = load("invalid.json");
    let hexes: String = invalid
        .iter()
        .map(|v| format!("{}\n", str_of(v, "hex")))
        .collect();
    let decoded = inspector(&["decode", "--dialect", "teleportal"], &hexes);
    assert_eq!(decoded.len(), invalid.len());
    for (i, v) in invalid.iter().enumerate() {
        let name = str_of(v, "name");
        assert_eq!(decoded[i]["error"], v["error"], "{name}");
        assert_eq!(decoded[i]["offset"], v["offset"], "{name}");
    }
}
