//! `decode`: raw bytes from the fuzzer as a frame.
//!
//! Asserts: no input makes any decoder panic; an input that decodes re-encodes to exactly
//! itself (`to_vec` and `encoded_len`); borrowed decode, shared (`Bytes`) decode and
//! header-only decode agree (same frame, or the same error with the same offset).
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{decode, decode_header, decode_shared};

fuzz_target!(|data: &[u8]| {
    let borrowed = decode(data);
    let shared = decode_shared(&Bytes::copy_from_slice(data));
    let header = decode_header(data);
    match (&borrowed, &shared) {
        (Ok(b), Ok(s)) => {
            assert_eq!(b.to_vec(), data, "borrowed decode does not re-encode to the input");
            assert_eq!(s.to_vec(), data, "shared decode does not re-encode to the input");
            assert_eq!(b.encoded_len(), data.len());
            // The JSON form shows every field, so equal JSON means equal frames.
            assert_eq!(
                serde_json::to_value(b).unwrap(),
                serde_json::to_value(s).unwrap(),
                "borrowed and shared decode differ"
            );
            let header = header.expect("decode succeeded but header decode failed");
            assert_eq!((header.document(), header.kind()), (b.document(), b.kind()));
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
