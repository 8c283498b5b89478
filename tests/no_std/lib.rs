//! A `#![no_std]` user of yjs-wire (see Cargo.toml): decodes and re-encodes a frame with
//! `core` and `alloc` only.
#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use yjs_wire::{decode, decode_header, Frame, U53};

/// Decode `input` and encode the frame again: the same bytes for any frame that decodes.
pub fn round_trip(input: &[u8]) -> Option<Vec<u8>> {
    decode(input).ok().map(|frame| frame.to_vec())
}

/// The document a frame is for, from its header alone.
pub fn route(input: &[u8]) -> Option<&str> {
    decode_header(input).ok()?.document()
}

/// A frame built from values.
pub fn fetch(document: &str, id: u32) -> Vec<u8> {
    Frame::snapshot_fetch_request(document, U53::from(id)).to_vec()
}

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}
