//! Criterion benchmarks of the codec on the corpus of `benches/corpus.rs` (issue 4).
//!
//! Ids (contracts, compared with lib0 by `benches/compare/run.sh`):
//! - `decode/<name>`: [`decode`] (borrowed), then read every field, iterating every list entry;
//! - `decode_owned/<name>`: [`decode_shared`] from `Bytes`, then the same reads;
//! - `header/<name>`: [`decode_header`];
//! - `encode/<name>`: [`Frame::encode`] of the frame built from values into a reused `Vec`;
//! - `encode_vectored/<name>` (fetch responses): [`Frame::encode_vectored`];
//! - `memcpy/fetch-response-1m`: `copy_from_slice` of that frame's length into a reused buffer;
//! - `floor/<name>`: the minimal strict decoder of `benches/floor.rs`, then the same reads
//!   (the floor `decode/<name>` is held to, issue 14);
//! - `yrs/doc-update-100`: yrs `Message::decode_v1` of that frame's body (from the message
//!   type byte: y-protocols' sync message), then the update's length;
//! - `teleportal/decode/<name>`, `teleportal/decode_owned/<name>`, `teleportal/encode/<name>`:
//!   the same three on the teleportal corpus of `benches/teleportal_corpus.rs`
//!   ([`teleportal::decode`], [`teleportal::decode_shared`], [`teleportal::Frame::encode`]),
//!   the decodes followed by `teleportal_touch::touch` (every field, every heartbeat client,
//!   every `any` value walked to its leaves); compared with teleportal's own codec by
//!   `benches/compare/run-teleportal.sh`.
//!
//! ```sh
//! cargo bench --bench codec -- --output-format bencher
//! ```

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]
// Both corpora include `rng.rs` (one source, compiled once per corpus module).
#![allow(clippy::duplicate_mod)]

use std::{hint::black_box, time::Duration};

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};
use yjs_wire::{bytes::Buf, decode, decode_header, decode_shared, teleportal};

#[path = "corpus.rs"]
mod corpus;
#[path = "floor.rs"]
mod floor;
#[path = "teleportal_corpus.rs"]
mod teleportal_corpus;
#[path = "teleportal_touch.rs"]
mod teleportal_touch;
#[path = "touch.rs"]
mod touch;

use touch::touch;

use corpus::Item;

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

/// Time `encode` into a reused `Vec` as the id `name`, after checking it writes `bytes`.
fn bench_encode_into(
    g: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    bytes: &[u8],
    encode: impl Fn(&mut Vec<u8>),
) {
    let mut buf: Vec<u8> = Vec::with_capacity(bytes.len());
    encode(&mut buf);
    assert_eq!(buf, bytes, "{name} encodes to its corpus bytes");
    g.bench_function(name, |b| {
        b.iter(|| {
            buf.clear();
            encode(&mut buf);
            black_box(buf.len())
        })
    });
}

fn bench_encode(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "encode");
    for item in corpus {
        g.throughput(throughput(item));
        bench_encode_into(&mut g, item.name, &item.bytes, |buf| {
            black_box(&item.frame).encode(buf)
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

fn bench_floor(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "floor");
    for item in corpus {
        g.throughput(throughput(item));
        let input: &[u8] = &item.bytes;
        g.bench_function(item.name, |b| {
            b.iter(|| floor::touch(&floor::decode(black_box(input)).expect("the corpus decodes")))
        });
    }
    g.finish();
}

/// The body of `doc-update-100` as y-protocols frames it: from the message type byte on.
fn yrs_body(item: &Item) -> &[u8] {
    let header = 4 + 1 + corpus::DOCUMENT.len();
    &item.bytes[header..]
}

fn yrs_update_len(body: &[u8]) -> usize {
    use yrs::{
        sync::{Message, SyncMessage},
        updates::decoder::Decode,
    };
    match Message::decode_v1(body).expect("yrs decodes the body") {
        Message::Sync(SyncMessage::Update(update)) => update.len(),
        other => panic!("not an update: {other:?}"),
    }
}

fn bench_yrs(c: &mut Criterion, corpus: &[Item]) {
    let mut g = group(c, "yrs");
    let item = corpus
        .iter()
        .find(|item| item.name == "doc-update-100")
        .expect("the corpus has doc-update-100");
    let body = yrs_body(item);
    assert_eq!(yrs_update_len(body), 100, "yrs reads the 100-byte update");
    g.throughput(throughput(item));
    g.bench_function(item.name, |b| b.iter(|| yrs_update_len(black_box(body))));
    g.finish();
}

fn teleportal_throughput(item: &teleportal_corpus::Item) -> Throughput {
    Throughput::Bytes(item.bytes.len() as u64)
}

/// `teleportal/decode/<name>` and `teleportal/decode_owned/<name>`.
fn bench_teleportal_decode(c: &mut Criterion, corpus: &[teleportal_corpus::Item]) {
    let mut g = group(c, "teleportal/decode");
    for item in corpus {
        g.throughput(teleportal_throughput(item));
        let input: &[u8] = &item.bytes;
        g.bench_function(item.name, |b| {
            b.iter(|| {
                teleportal_touch::touch(
                    &teleportal::decode(black_box(input)).expect("the corpus decodes"),
                )
            })
        });
    }
    g.finish();
    let mut g = group(c, "teleportal/decode_owned");
    for item in corpus {
        g.throughput(teleportal_throughput(item));
        g.bench_function(item.name, |b| {
            b.iter(|| {
                teleportal_touch::touch(
                    &teleportal::decode_shared(black_box(&item.bytes)).expect("the corpus decodes"),
                )
            })
        });
    }
    g.finish();
}

/// `teleportal/encode/<name>`: the typed frame into a reused `Vec`.
fn bench_teleportal_encode(c: &mut Criterion, corpus: &[teleportal_corpus::Item]) {
    let mut g = group(c, "teleportal/encode");
    for item in corpus {
        g.throughput(teleportal_throughput(item));
        bench_encode_into(&mut g, item.name, &item.bytes, |buf| {
            black_box(&item.frame).encode(buf)
        });
    }
    g.finish();
}

fn benches(c: &mut Criterion) {
    let corpus = corpus::corpus();
    for item in &corpus {
        let decoded = decode(&item.bytes).expect("the corpus decodes");
        assert_eq!(touch(&decoded), touch(&item.frame), "{}", item.name);
        let floored = floor::decode(&item.bytes).expect("the floor decodes the corpus");
        assert_eq!(
            floor::touch(&floored),
            touch(&item.frame),
            "floor {}",
            item.name
        );
    }
    bench_decode(c, &corpus);
    bench_decode_owned(c, &corpus);
    bench_header(c, &corpus);
    bench_encode(c, &corpus);
    bench_encode_vectored(c, &corpus);
    bench_memcpy(c, &corpus);
    bench_floor(c, &corpus);
    bench_yrs(c, &corpus);
    let teleportal_corpus = teleportal_corpus::corpus();
    for item in &teleportal_corpus {
        let decoded = teleportal::decode(&item.bytes).expect("the teleportal corpus decodes");
        assert_eq!(
            teleportal_touch::touch(&decoded),
            teleportal_touch::touch(&item.frame),
            "teleportal {}",
            item.name
        );
    }
    bench_teleportal_decode(c, &teleportal_corpus);
    bench_teleportal_encode(c, &teleportal_corpus);
}

criterion_group!(codec, benches);
criterion_main!(codec);
