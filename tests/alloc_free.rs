//! Borrowed decoding allocates nothing: every frame of the benchmark corpus is decoded,
//! every field read and every list entry iterated under a counting allocator.
//! (The only test in this binary, so no other test thread allocates meanwhile.)

use std::alloc::System;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use yjs_wire::{decode, decode_header, snapshot::SnapshotMessage, Frame};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[allow(dead_code)]
#[path = "../benches/corpus.rs"]
mod corpus;

/// Every field's length or value, every list entry.
fn read_all(frame: &Frame<yjs_wire::snapshot::Borrowed<'_>>) -> usize {
    let mut sum = frame.document().map_or(0, str::len);
    if let Frame::Snapshot {
        message: SnapshotMessage::ListSnapshotsResponse { snapshots },
        ..
    } = frame
    {
        for meta in snapshots {
            sum += meta.name.len()
                + meta.user_id.len()
                + (meta.id.get() ^ meta.created_at.get()) as usize;
        }
    }
    sum
}

#[test]
fn borrowed_decode_of_the_corpus_allocates_nothing() {
    let corpus = corpus::corpus();
    for item in &corpus {
        let region = Region::new(GLOBAL);
        let frame = decode(&item.bytes).expect("the corpus decodes");
        let read = read_all(&frame);
        let header = decode_header(&item.bytes).expect("the corpus decodes");
        let stats = region.change();
        assert!(read > 0 && header.document().is_some());
        assert_eq!(
            (stats.allocations, stats.reallocations),
            (0, 0),
            "{} allocated",
            item.name
        );
    }
}
