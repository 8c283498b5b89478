//! `roundtrip`: an arbitrary valid frame (feature `arbitrary` of yjs-wire).
//!
//! Asserts: `encode` writes exactly `encoded_len` bytes, and decoding them (borrowed and
//! shared, without limits) gives back the same frame, whose re-encoding is the same bytes.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{Decoder, Frame, Limits, snapshot::{Shared}};

fuzz_target!(|frame: Frame<Shared>| {
    let bytes = frame.to_vec();
    assert_eq!(frame.encoded_len(), bytes.len());
    let mut appended = vec![0xaa];
    frame.encode(&mut appended);
    assert_eq!(&appended[1..], &bytes[..]);

    let shared = Decoder::new().with_limits(Limits::UNLIMITED).decode_shared(&Bytes::from(bytes.clone()));
    assert_eq!(shared.as_ref(), Ok(&frame), "encode then decode changed the frame");

    let borrowed = Decoder::new().with_limits(Limits::UNLIMITED).decode(&bytes).expect("borrowed decode");
    assert_eq!(borrowed.to_vec(), bytes);
    assert_eq!(borrowed.kind(), frame.kind());
    assert_eq!(borrowed.document(), frame.document());
    let header = Decoder::new().with_limits(Limits::UNLIMITED).decode_header(&bytes).expect("header decode");
    assert_eq!((header.document(), header.kind()), (frame.document(), frame.kind()));
});
