//! The teleportal benchmark corpus (`benches/teleportal_corpus.rs`, issue 14) is what the
//! benchmarks claim it is: every item decodes (borrowed and shared) to the frame it was built
//! from, re-encodes to the same bytes, and borrowed decode followed by the benchmarks' touch
//! (every field, every heartbeat client, every `any` value walked to its leaves) allocates
//! nothing. (The only test in this binary, so no other test thread allocates meanwhile.)

use std::alloc::System;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use yjs_wire::teleportal;

#[allow(dead_code)]
#[path = "../benches/teleportal_corpus.rs"]
mod teleportal_corpus;
#[path = "../benches/teleportal_touch.rs"]
mod teleportal_touch;

use teleportal_touch::touch;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

#[test]
fn bench_corpus_round_trips_and_borrowed_decode_allocates_nothing() {
    let corpus = teleportal_corpus::corpus();
    let names: Vec<&str> = corpus.iter().map(|item| item.name).collect();
    assert_eq!(
        names,
        [
            "sync-step-2-20k",
            "update-100",
            "ack",
            "heartbeat-100",
            "milestone-list-1000",
            "milestone-get-1m",
            "rpc-nested-any"
        ]
    );
    for item in &corpus {
        let borrowed =
            teleportal::decode(&item.bytes).unwrap_or_else(|e| panic!("{}: {e}", item.name));
        assert_eq!(borrowed.to_vec(), item.bytes, "{} re-encodes", item.name);
        let shared = teleportal::decode_shared(&item.bytes).unwrap();
        assert_eq!(shared, item.frame, "{} decodes to its frame", item.name);
        assert_eq!(
            shared.to_vec(),
            item.bytes,
            "{} re-encodes (shared)",
            item.name
        );
        assert_eq!(item.frame.encoded_len(), item.bytes.len(), "{}", item.name);
        assert_eq!(touch(&borrowed), touch(&item.frame), "{} touch", item.name);
    }
    for item in &corpus {
        let input: &[u8] = &item.bytes;
        let region = Region::new(GLOBAL);
        let frame = teleportal::decode(std::hint::black_box(input)).unwrap();
        let sum = touch(&frame);
        let stats = region.change();
        assert_eq!(
            (
                stats.allocations,
                stats.reallocations,
                stats.bytes_allocated
            ),
            (0, 0, 0),
            "{}: borrowed decode + touch allocated",
            item.name
        );
        std::hint::black_box(sum);
    }
}
