//! Every conformance vector in `spec/vectors/` must hold for every decode path:
//! valid frames decode to their JSON form and re-encode to the same bytes (both from the
//! decoded frame and from the JSON), invalid frames fail with exactly their kind and offset.

use bytes::Bytes;
use serde::Deserialize;
use serde_json::Value;
use yjs_wire::{decode, decode_header, decode_shared, snapshot::Shared, Frame};

#[derive(Deserialize)]
struct Valid {
    name: String,
    hex: String,
    json: Value,
}

#[derive(Deserialize)]
struct Invalid {
    name: String,
    hex: String,
    error: String,
    offset: usize,
}

fn load<T: for<'de> Deserialize<'de>>(file: &str) -> Vec<T> {
    let path = format!("{}/spec/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("vector hex"))
        .collect()
}

#[test]
fn valid_vectors_decode_to_their_json_and_reencode_exactly() {
    let vectors: Vec<Valid> = load("valid.json");
    assert!(vectors.len() >= 15, "one vector per frame shape at least");
    for v in &vectors {
        let bytes = unhex(&v.hex);
        let frame = decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", v.name));
        assert_eq!(
            serde_json::to_value(&frame).unwrap(),
            v.json,
            "{}: JSON form",
            v.name
        );
        assert_eq!(frame.to_vec(), bytes, "{}: re-encode", v.name);
        assert_eq!(frame.encoded_len(), bytes.len(), "{}: encoded_len", v.name);

        let shared = decode_shared(&Bytes::from(bytes.clone())).expect("shared decode");
        assert_eq!(
            serde_json::to_value(&shared).unwrap(),
            v.json,
            "{}: shared",
            v.name
        );

        let header = decode_header(&bytes).expect("header decode");
        assert_eq!(
            (header.document(), header.kind()),
            (frame.document(), frame.kind())
        );

        let from_json: Frame<Shared> = serde_json::from_value(v.json.clone())
            .unwrap_or_else(|e| panic!("{}: JSON does not parse: {e}", v.name));
        assert_eq!(from_json.to_vec(), bytes, "{}: encode from JSON", v.name);
        assert_eq!(
            from_json, shared,
            "{}: JSON frame equals decoded frame",
            v.name
        );
    }
}

#[test]
fn invalid_vectors_fail_with_their_kind_and_offset() {
    let vectors: Vec<Invalid> = load("invalid.json");
    assert!(vectors.len() >= 30);
    for v in &vectors {
        let bytes = unhex(&v.hex);
        let err = decode(&bytes).map(|_| ()).expect_err(&v.name);
        assert_eq!(
            (err.kind().as_str(), err.offset()),
            (v.error.as_str(), v.offset),
            "{}: {err}",
            v.name
        );
        let shared = decode_shared(&Bytes::from(bytes.clone()))
            .map(|_| ())
            .expect_err(&v.name);
        assert_eq!(shared, err, "{}: shared decode agrees", v.name);
        if let Err(header_err) = decode_header(&bytes) {
            assert_eq!(header_err, err, "{}: header decode agrees", v.name);
        }
    }
}

#[test]
fn every_error_kind_has_a_vector() {
    let vectors: Vec<Invalid> = load("invalid.json");
    // `non-canonical` is the teleportal dialect's (lib0 `any` values): its vectors are in
    // spec/vectors/teleportal/ (tests/teleportal_vectors.rs).
    let teleportal = std::fs::read_to_string(format!(
        "{}/spec/vectors/teleportal/invalid.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    for kind in yjs_wire::ErrorKind::ALL {
        if kind == yjs_wire::ErrorKind::NonCanonical {
            assert!(teleportal
                .replace(' ', "")
                .contains("\"error\":\"non-canonical\""));
            continue;
        }
        assert!(
            vectors.iter().any(|v| v.error == kind.as_str()),
            "no invalid vector for {kind}"
        );
    }
}
