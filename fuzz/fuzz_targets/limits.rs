//! `limits`: decoding under limits taken from the fuzzer's first five bytes (one per limit;
//! `0xff` keeps the default), with a counting global allocator.
//!
//! Asserts: no decode reserves memory beyond what the input and the limits allow. Borrowed
//! and header-only decode allocate nothing; shared decode allocates at most once (the
//! shared header `Bytes` makes when first sliced), a few dozen bytes, whatever the input.
//! Every decoded frame is within the limits: input size, document name, every other string,
//! every byte array, every list's entry count.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use std::alloc::System;
use yjs_wire::{
    snapshot::{Field, Shared, SnapshotMeta, TagList},
    Decoder, Frame, Limits,
};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

/// The most a shared decode may allocate: one `Bytes` shared header.
const SHARED_HEADER_BYTES: usize = 64;

fn limit(byte: u8, default: usize, scale: usize) -> usize {
    if byte == 0xff {
        default
    } else {
        usize::from(byte) * scale
    }
}

fn within(frame: &Frame<Shared>, limits: &Limits) {
    let string = |s: &str| assert!(s.len() <= limits.max_string_bytes, "string over limit");
    let payload = |b: &[u8]| assert!(b.len() <= limits.max_payload_bytes, "payload over limit");
    let meta = |m: &SnapshotMeta<Shared>| {
        string(&m.name);
        string(&m.user_id);
    };
    let entries = |n: usize| assert!(n <= limits.max_list_entries, "list over limit");
    let tags = |t: &TagList<Shared>| {
        entries(t.len());
        t.iter().for_each(|tag| string(&tag));
    };
    if let Some(document) = frame.document() {
        assert!(document.len() <= limits.max_name_bytes, "name over limit");
    }
    match frame {
        Frame::Ping | Frame::Pong => {}
        Frame::Doc { message, .. } => payload(message.payload()),
        Frame::Awareness { message, .. } => payload(&message.update),
        Frame::Snapshot { message, .. } => {
            string(message.kind_str());
            // Every field by type (no wildcard): a new kind is checked without an edit here,
            // and a new field type does not compile until it is covered.
            message.for_each_field(|_, field| match field {
                Field::Text(text) => string(text),
                Field::Bytes(bytes) => payload(bytes),
                Field::U53(_) | Field::Code(_) => {}
                Field::Meta(m) => meta(m),
                Field::Metas(list) => {
                    entries(list.len());
                    list.iter().for_each(|m| meta(&m));
                }
                Field::Ids(list) => entries(list.len()),
                Field::Tags(list) => tags(list),
                Field::Details(details) => {
                    string(&details.description);
                    tags(&details.tags);
                }
            });
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((head, frame)) = data.split_first_chunk::<5>() else {
        return;
    };
    let mut limits = Limits::DEFAULT;
    limits.max_frame_bytes = limit(head[0], limits.max_frame_bytes, 16);
    limits.max_name_bytes = limit(head[1], limits.max_name_bytes, 1);
    limits.max_string_bytes = limit(head[2], limits.max_string_bytes, 1);
    limits.max_payload_bytes = limit(head[3], limits.max_payload_bytes, 4);
    limits.max_list_entries = limit(head[4], limits.max_list_entries, 1);

    let region = Region::new(GLOBAL);
    let borrowed = Decoder::new().with_limits(limits).decode(frame).map(|f| f.encoded_len());
    let header = Decoder::new().with_limits(limits).decode_header(frame).map(|h| h.payload_offset());
    let stats = region.change();
    assert_eq!(
        (
            stats.allocations,
            stats.reallocations,
            stats.bytes_allocated
        ),
        (0, 0, 0),
        "borrowed or header decode allocated"
    );
    if let Ok(len) = borrowed {
        assert_eq!(len, frame.len());
        assert!(header.is_ok());
    }

    let input = Bytes::copy_from_slice(frame);
    let region = Region::new(GLOBAL);
    let shared = Decoder::new().with_limits(limits).decode_shared(&input);
    let stats = region.change();
    assert!(
        stats.allocations <= 1
            && stats.reallocations == 0
            && stats.bytes_allocated <= SHARED_HEADER_BYTES,
        "shared decode of {} bytes allocated {stats:?}",
        frame.len()
    );
    assert_eq!(
        shared.as_ref().map(|_| ()).map_err(|e| *e),
        borrowed.map(|_| ())
    );
    if let Ok(decoded) = shared {
        assert!(frame.len() <= limits.max_frame_bytes);
        within(&decoded, &limits);
    }
});
