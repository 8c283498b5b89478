//! Criterion benchmarks of the codec on the corpus of `benches/corpus.rs` (issue 4).
//!
//! Ids (contracts, compared with lib0 by `benches/compare/run.sh`):
//! - `decode/<name>`: [`decode`] (borrowed), then read every field, iterating every list entry;
//! - `decode_owned/<name>`: [`decode_shared`] from `Bytes`, then the same reads;
//! - `header/<name>`: [`decode_header`];
//! - `encode/<name>`: [`Frame::encode`] of the frame built from values into a reused `Vec`;
//! - `encode_vectored/<name>` (fetch responses): [`Frame::encode_vectored`];
//! - `memcpy/fetch-response-1m`: `copy_from_slice` of that frame's length into a reused buffer.
//!
//! ```sh
//! cargo bench --bench codec -- --output-format bencher
//! ```

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::{hint::black_box, time::Duration};

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use yjs_wire::{
    bytes::Buf,
    decode, decode_header, decode_shared,
    snapshot::{SnapshotMessage, SnapshotMeta, Storage},
    Frame,
};

#[path = "corpus.rs"]
mod corpus;

use corpus::Item;

/// Read every field of a decoded frame, as an application would: every string's and byte
/// array's length (never their bytes: contents are opaque) and every integer, iterating
/// every list entry. Returns a checksum so nothing is optimized away.
fn touch<S: Storage>(frame: &Frame<S>) -> u64 {
    fn meta<S: Storage>(m: &SnapshotMeta<S>) -> u64 {
        m.id.get() ^ m.created_at.get() ^ (m.name.len() as u64) ^ (m.user_id.len() as u64)
    }
    let mut sum = frame.document().map_or(0, |d| d.len() as u64);
    sum ^= match frame {
        Frame::Ping | Frame::Pong => 1,
        Frame::Doc { message, .. } => message.doc_type() as u64 ^ message.payload().len() as u64,
        Frame::Awareness { message, .. } => message.update.len() as u64,
        Frame::Snapshot { message, .. } => match message {
            SnapshotMessage::ListSnapshots {} => 2,
            SnapshotMessage::ListSnapshotsResponse { snapshots } => snapshots
                .iter()
                .fold(0u64, |acc, m| acc.wrapping_add(meta(&m))),
            SnapshotMessage::SnapshotRequest {
                name,
                current_snapshot_name,
            } => (name.len() ^ current_snapshot_name.len()) as u64,
            SnapshotMessage::SnapshotFetchRequest { snapshot_id }
            | SnapshotMessage::SnapshotRevertRequest { snapshot_id } => snapshot_id.get(),
            SnapshotMessage::SnapshotFetchResponse { snapshot, content } => {
                meta(snapshot) ^ content.len() as u64
            }
            SnapshotMessage::SnapshotRevertResponse { snapshot }
            | SnapshotMessage::SnapshotCreatedEvent { snapshot } => meta(snapshot),
            SnapshotMessage::SnapshotRevertedEvent {
                snapshot,
                reverted_by,
            } => meta(snapshot) ^ reverted_by.len() as u64,
            _ => unreachable!("the corpus has no other kinds"),
        },
    };
    sum
}

fn group<'c>(
    c: &'c mut Criterion,
    name: &str,
) -> BenchmarkGroup<'c, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group(name);
    // About 1.5 s per id: the whole run (61 ids) takes about 3 minutes on 2 cores.
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(1));
    group.sample_size(30);
    group
}

fn throughput(item: &Item) -> Throughput {
    Throughput::Bytes(item.bytes.len() as u64)
}

fn bench_decode(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "decode");
    for item in corpus {
        g.throughput(throughput(item));
        let input: &[u8] = &item.bytes;
        g.bench_function(item.name, |b| {
            b.iter(|| touch(&decode(black_box(input)).expect("the corpus decodes")))
        });
    }
    g.finish();
}

fn bench_decode_owned(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "decode_owned");
    for item in corpus {
        g.throughput(throughput(item));
        g.bench_function(item.name, |b| {
            b.iter(|| touch(&decode_shared(black_box(&item.bytes)).expect("the corpus decodes")))
        });
    }
    g.finish();
}

fn bench_header(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "header");
    for item in corpus {
        g.throughput(throughput(item));
        let input: &[u8] = &item.bytes;
        g.bench_function(item.name, |b| {
            b.iter(|| {
                let header = decode_header(black_box(input)).expect("the corpus decodes");
                (header.document().map(str::len), header.kind())
            })
        });
    }
    g.finish();
}

fn bench_encode(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "encode");
    for item in corpus {
        g.throughput(throughput(item));
        let mut buf: Vec<u8> = Vec::with_capacity(item.bytes.len());
        item.frame.encode(&mut buf);
        assert_eq!(buf, item.bytes, "{} encodes to its corpus bytes", item.name);
        g.bench_function(item.name, |b| {
            b.iter(|| {
                buf.clear();
                black_box(&item.frame).encode(&mut buf);
                black_box(buf.len())
            })
        });
    }
    g.finish();
}

fn bench_encode_vectored(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "encode_vectored");
    for item in corpus.iter().filter(|item| item.is_fetch_response()) {
        g.throughput(throughput(item));
        g.bench_function(item.name, |b| {
            b.iter(|| {
                let out = black_box(&item.frame).encode_vectored();
                black_box(out.remaining());
                out
            })
        });
    }
    g.finish();
}

fn bench_memcpy(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "memcpy");
    let item = corpus
        .iter()
        .find(|item| item.name == "fetch-response-1m")
        .expect("the corpus has fetch-response-1m");
    g.throughput(throughput(item));
    let mut buf = vec![0u8; item.bytes.len()];
    g.bench_function(item.name, |b| {
        b.iter(|| {
            buf.copy_from_slice(black_box(&item.bytes));
            black_box(buf.len())
        })
    });
    g.finish();
}

fn benches(c: &mut Criterion) {
    let corpus = corpus::corpus();
    for item in &corpus {
        let decoded = decode(&item.bytes).expect("the corpus decodes");
        assert_eq!(touch(&decoded), touch(&item.frame), "{}", item.name);
    }
    bench_decode(c, &corpus);
    bench_decode_owned(c, &corpus);
    bench_header(c, &corpus);
    bench_encode(c, &corpus);
    bench_encode_vectored(c, &corpus);
    bench_memcpy(c, &corpus);
}

criterion_group!(codec, benches);
criterion_main!(codec);
