//! `teleportal_roundtrip`: frames built from the fuzzer's bytes (a seeded generator of valid
//! frames of every kind, then the fuzzer's bytes as `any` payloads where they are valid).
//!
//! Asserts: every frame built encodes, decodes to itself (borrowed and shared), has an exact
//! `encoded_len`, the same vectored bytes, and a JSON form that encodes back to its bytes.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{
    lib0::any::EncodedAny,
    snapshot::Shared,
    teleportal::{self, Frame, RpcKind, RpcMessage, RpcResult},
    Limits,
};

#[path = "../../tests/teleportal_gen/mod.rs"]
mod teleportal_gen;

fn check(frame: &Frame<Shared>) {
    let bytes = frame.to_vec();
    assert_eq!(frame.encoded_len(), bytes.len());
    assert_eq!(frame.encode_vectored().chunks().concat(), bytes);
    let decoded = teleportal::decode(&bytes).expect("a built frame decodes");
    assert_eq!(decoded.to_vec(), bytes);
    let shared = teleportal::decode_shared(&Bytes::from(bytes.clone())).expect("decodes");
    assert_eq!(&shared, frame);
    let back: Frame<Shared> =
        serde_json::from_value(serde_json::to_value(&decoded).unwrap()).expect("JSON encodes");
    assert_eq!(back.to_vec(), bytes);
}

fuzz_target!(|data: &[u8]| {
    let seed = data.iter().take(8).fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
    check(&teleportal_gen::Rng(seed).frame());
    // The rest of the input as an `any` payload, when it is one.
    let rest = data.get(8..).unwrap_or_default();
    if let Ok(payload) = EncodedAny::from_bytes(Bytes::copy_from_slice(rest), &Limits::DEFAULT) {
        check(&Frame::Rpc {
            document: "doc".into(),
            encrypted: false,
            message: RpcMessage {
                method: "m".into(),
                kind: RpcKind::Request,
                result: RpcResult::Success { payload },
            },
        });
    }
});
