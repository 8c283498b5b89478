//! `decode`: raw bytes from the fuzzer as a frame.
//!
//! Asserts: no input makes any decoder panic; an input that decodes re-encodes to exactly
//! itself (`to_vec` and `encoded_len`); borrowed decode, shared (`Bytes`) decode and
//! header-only decode agree (same frame, or the same error with the same offset). Decoding
//! with `Decoder::keep_unknown_kinds(true)` (borrowed and shared) agrees with strict decoding
//! except where strict decoding fails with `unknown-snapshot-kind`, and whatever it decodes
//! re-encodes to exactly the input.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{decode, decode_header, decode_shared, Decoder, ErrorKind};

fuzz_target!(|data: &[u8]| {
    let borrowed = decode(data);
    let shared = decode_shared(&Bytes::copy_from_slice(data));
    let header = decode_header(data);
    match (&borrowed, &shared) {
        (Ok(b), Ok(s)) => {
            assert_eq!(
                b.to_vec(),
                data,
                "borrowed decode does not re-encode to the input"
            );
            assert_eq!(
                s.to_vec(),
                data,
                "shared decode does not re-encode to the input"
            );
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

    let kept = Decoder::new().keep_unknown_kinds(true).decode(data);
    let kept_shared =
        Decoder::new().keep_unknown_kinds(true).decode_shared(&Bytes::copy_from_slice(data));
    match (&kept, &kept_shared) {
        (Ok(k), Ok(s)) => {
            assert_eq!(
                k.to_vec(),
                data,
                "kept decode does not re-encode to the input"
            );
            assert_eq!(
                s.to_vec(),
                data,
                "kept shared decode does not re-encode to the input"
            );
            assert_eq!(k.encoded_len(), data.len());
            assert_eq!((k.document(), k.kind()), (s.document(), s.kind()));
        }
        (Err(k), Err(s)) => assert_eq!(k, s, "kept decodes fail differently"),
        _ => panic!("kept decode paths disagree: {kept:?} vs {kept_shared:?}"),
    }
    // Keeping unknown kinds changes only what strict decoding rejects as an unknown kind.
    match (&borrowed, &kept) {
        (Ok(b), Ok(k)) => assert_eq!(b, k, "keeping unknown kinds changed a known frame"),
        (Err(b), Ok(_)) => assert_eq!(b.kind(), ErrorKind::UnknownSnapshotKind),
        (Err(b), Err(k)) if b.kind() != ErrorKind::UnknownSnapshotKind => assert_eq!(b, k),
        (Err(_), Err(_)) => {}
        (Ok(b), Err(k)) => panic!("strict decode accepted {b:?}, kept decode failed: {k}"),
    }
});
