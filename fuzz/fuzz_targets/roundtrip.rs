//! `roundtrip`: an arbitrary valid frame (feature `arbitrary` of yjs-wire).
//!
//! Asserts: `encode` writes exactly `encoded_len` bytes, and decoding them (borrowed and
//! shared, without limits) gives back the same frame, whose re-encoding is the same bytes.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{decode_header_with, decode_shared_with, decode_with, Frame, Limits, Shared};

fuzz_target!(|frame: Frame<Shared>| {
    let bytes = frame.to_vec();
    assert_eq!(frame.encoded_len(), bytes.len());
    let mut appended = vec![0xaa];
    frame.encode(&mut appended);
    assert_eq!(&appended[1..], &bytes[..]);

    let shared = decode_shared_with(&Bytes::from(bytes.clone()), &Limits::UNLIMITED);
    assert_eq!(shared.as_ref(), Ok(&frame), "encode then decode changed the frame");

    let borrowed = decode_with(&bytes, &Limits::UNLIMITED).expect("borrowed decode");
    assert_eq!(borrowed.to_vec(), bytes);
    assert_eq!(borrowed.kind(), frame.kind());
    assert_eq!(borrowed.document(), frame.document());
    let header = decode_header_with(&bytes, &Limits::UNLIMITED).expect("header decode");
    assert_eq!((header.document(), header.kind()), (frame.document(), frame.kind()));
});
