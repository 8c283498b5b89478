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
    snapshot::{Shared, SnapshotDetails, SnapshotMessage, SnapshotMeta, TagList},
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
    // Every kind and every field by name, no wildcard: a new kind or field does not compile
    // until it says which limit holds it (`_` for fields no limit applies to).
    match frame {
        Frame::Ping | Frame::Pong => {}
        Frame::Doc {
            document: _,
            message,
        } => payload(message.payload()),
        Frame::Awareness {
            document: _,
            message,
        } => payload(&message.update),
        Frame::Snapshot {
            document: _,
            message,
        } => {
            string(message.kind().as_str());
            match message {
                SnapshotMessage::ListSnapshots {} | SnapshotMessage::SnapshotStatsRequest {} => {}
                SnapshotMessage::ListSnapshotsResponse { snapshots } => {
                    entries(snapshots.len());
                    snapshots.iter().for_each(|m| meta(&m));
                }
                SnapshotMessage::SnapshotRequest {
                    name,
                    current_snapshot_name,
                } => {
                    string(name);
                    string(current_snapshot_name);
                }
                SnapshotMessage::SnapshotFetchRequest { snapshot_id: _ }
                | SnapshotMessage::SnapshotRevertRequest { snapshot_id: _ }
                | SnapshotMessage::SnapshotDeleteRequest { snapshot_id: _ }
                | SnapshotMessage::SnapshotDeleteResponse { snapshot_id: _ }
                | SnapshotMessage::SnapshotInfoRequest { snapshot_id: _ } => {}
                SnapshotMessage::SnapshotFetchResponse { snapshot, content } => {
                    meta(snapshot);
                    payload(content);
                }
                SnapshotMessage::SnapshotRevertResponse { snapshot }
                | SnapshotMessage::SnapshotCreatedEvent { snapshot }
                | SnapshotMessage::SnapshotRenameResponse { snapshot } => meta(snapshot),
                SnapshotMessage::SnapshotRevertedEvent {
                    snapshot,
                    reverted_by,
                } => {
                    meta(snapshot);
                    string(reverted_by);
                }
                SnapshotMessage::SnapshotError {
                    request_kind,
                    snapshot_id: _,
                    code: _,
                    message,
                } => {
                    string(request_kind);
                    string(message);
                }
                SnapshotMessage::ListSnapshotsSince { known_ids } => entries(known_ids.len()),
                SnapshotMessage::SnapshotRenameRequest {
                    snapshot_id: _,
                    name,
                } => string(name),
                SnapshotMessage::SnapshotRenamedEvent {
                    snapshot,
                    renamed_by,
                } => {
                    meta(snapshot);
                    string(renamed_by);
                }
                SnapshotMessage::SnapshotDeletedEvent {
                    snapshot_id: _,
                    deleted_by,
                } => string(deleted_by),
                SnapshotMessage::SnapshotInfoResponse { snapshot, details } => {
                    meta(snapshot);
                    let SnapshotDetails {
                        description,
                        tags: t,
                        content_length: _,
                        checksum: _, // its own fixed length, not `max_payload_bytes`
                        expires_at: _,
                        parent_id: _,
                        state: _,
                    } = details;
                    string(description);
                    tags(t);
                }
                SnapshotMessage::SnapshotCreateRequest {
                    name,
                    current_snapshot_name,
                    description,
                    tags: t,
                    expires_at: _,
                    parent_id: _,
                } => {
                    string(name);
                    string(current_snapshot_name);
                    string(description);
                    tags(t);
                }
                SnapshotMessage::SnapshotRevertProgressEvent {
                    snapshot_id: _,
                    stage,
                    completed: _,
                    total: _,
                } => string(stage),
                SnapshotMessage::SearchSnapshots {
                    query,
                    tags: t,
                    created_from: _,
                    created_to: _,
                    offset: _,
                    limit: _,
                } => {
                    string(query);
                    tags(t);
                }
                SnapshotMessage::SnapshotStatsResponse {
                    count: _,
                    total_content_length: _,
                    oldest_created_at: _,
                    newest_created_at: _,
                } => {}
                SnapshotMessage::Unknown(raw) => {
                    panic!("strict decoding kept the unknown kind {:?}", raw.kind())
                }
            }
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
    let borrowed = Decoder::new()
        .with_limits(limits)
        .decode(frame)
        .map(|f| f.encoded_len());
    let header = Decoder::new()
        .with_limits(limits)
        .decode_header(frame)
        .map(|h| h.payload_offset());
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
