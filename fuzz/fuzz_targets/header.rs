//! `header`: raw bytes from the fuzzer, decoded header-only and in full, under the default
//! limits and under tight limits derived from the input length.
//!
//! Asserts: header-only decode never disagrees with full decode. When the full decode
//! succeeds, the header decode succeeds with the same document and kind, and its offsets
//! point at the message-type byte and inside the frame; when the header decode fails, the
//! full decode fails with the same error at the same offset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yjs_wire::{Decoder, Limits, snapshot::{MessageType}};

fn check(data: &[u8], limits: &Limits) {
    let full = Decoder::new().with_limits(*limits).decode(data);
    let header = Decoder::new().with_limits(*limits).decode_header(data);
    match (&full, &header) {
        (Ok(frame), Ok(header)) => {
            assert_eq!((header.document(), header.kind()), (frame.document(), frame.kind()));
            assert!(header.type_offset() <= header.payload_offset());
            assert!(header.payload_offset() <= data.len());
            match header.kind().message_type() {
                Some(message_type) => {
                    let byte = data[header.type_offset()];
                    assert_eq!(MessageType::from_byte(byte), Some(message_type));
                }
                None => assert_eq!(header.type_offset(), data.len()),
            }
        }
        (Ok(_), Err(e)) => panic!("full decode succeeded, header decode failed: {e}"),
        (Err(full), Err(header)) => assert_eq!(full, header, "different errors"),
        (Err(_), Ok(_)) => {} // the payload was rejected
    }
}

fuzz_target!(|data: &[u8]| {
    check(data, &Limits::DEFAULT);
    let mut tight = Limits::DEFAULT;
    let n = data.len() / 2;
    tight.max_name_bytes = n / 4;
    tight.max_string_bytes = n / 2;
    tight.max_payload_bytes = n;
    tight.max_list_entries = n / 8;
    tight.max_frame_bytes = data.len().saturating_sub(data.len() % 7);
    check(data, &tight);
});
