//! `inspector_json`: the JSON form the inspector prints (serde feature of yjs-wire).
//!
//! Asserts: for any frame that decodes from the fuzzer's bytes (or, when they do not
//! decode, any arbitrary valid frame built from them), the JSON form parses back to the
//! same frame, which encodes to the same bytes; borrowed and shared frames print the same
//! JSON.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use yjs_wire::{decode, decode_shared, Frame, snapshot::{Shared}};

fn check(frame: &Frame<Shared>) {
    let text = serde_json::to_string(frame).expect("serialize");
    let back: Frame<Shared> = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("JSON form does not parse back: {e}: {text}"));
    assert_eq!(&back, frame, "JSON round trip changed the frame: {text}");
    assert_eq!(back.to_vec(), frame.to_vec());
}

fuzz_target!(|data: &[u8]| {
    match decode_shared(&Bytes::copy_from_slice(data)) {
        Ok(frame) => {
            check(&frame);
            let borrowed = decode(data).expect("borrowed decode");
            assert_eq!(
                serde_json::to_string(&borrowed).unwrap(),
                serde_json::to_string(&frame).unwrap()
            );
        }
        Err(_) => {
            if let Ok(frame) = Frame::<Shared>::arbitrary_take_rest(Unstructured::new(data)) {
                check(&frame);
            }
        }
    }
});
