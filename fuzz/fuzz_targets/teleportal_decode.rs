//! `teleportal_decode`: raw bytes from the fuzzer as a teleportal frame.
//!
//! Asserts: no input makes a decoder panic; an input that decodes re-encodes to exactly
//! itself (`to_vec`, `encoded_len`, vectored); borrowed, shared and header-only decoding agree
//! (same frame, or the same error at the same offset); the JSON form of a decoded frame
//! encodes back to the same bytes; every `any` value reads to its leaves.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{
    lib0::any::Any,
    snapshot::Shared,
    teleportal::{self, Frame},
};

fn walk(value: Any<'_>) -> usize {
    match value {
        Any::Array(items) => items.iter().map(walk).sum::<usize>() + 1,
        Any::Object(entries) => entries.iter().map(|(k, v)| k.len() + walk(v)).sum::<usize>() + 1,
        _ => 1,
    }
}

fuzz_target!(|data: &[u8]| {
    let borrowed = teleportal::decode(data);
    let shared = teleportal::decode_shared(&Bytes::copy_from_slice(data));
    let header = teleportal::decode_header(data);
    let _ = teleportal::message_id(data);
    match (&borrowed, &shared) {
        (Ok(b), Ok(s)) => {
            assert_eq!(b.to_vec(), data, "borrowed decode does not re-encode to the input");
            assert_eq!(s.to_vec(), data, "shared decode does not re-encode to the input");
            assert_eq!(b.encoded_len(), data.len());
            assert_eq!(s.encode_vectored().chunks().concat(), data);
            let json = serde_json::to_value(b).unwrap();
            assert_eq!(json, serde_json::to_value(s).unwrap(), "borrowed and shared differ");
            let back: Frame<Shared> = serde_json::from_value(json).expect("JSON form encodes");
            assert_eq!(back.to_vec(), data, "the JSON form encodes to other bytes");
            let header = header.expect("decode succeeded but header decode failed");
            assert_eq!((header.document(), header.kind()), (b.document(), b.kind()));
            if let Frame::Rpc { message, .. } = b {
                if let teleportal::RpcResult::Success { payload } = &message.result {
                    walk(payload.get());
                }
            }
        }
        (Err(b), Err(s)) => {
            assert_eq!(b, s, "borrowed and shared decode fail differently");
            assert!(b.offset() <= data.len());
            if let Err(h) = header {
                assert_eq!(&h, b, "header decode fails differently");
            }
        }
        _ => panic!("decode paths disagree: {borrowed:?} vs {shared:?}"),
    }
});
