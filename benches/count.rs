//! Counting harness (issue 14): runs one benchmark body N times, for valgrind
//! (`callgrind`/`cachegrind`) instruction counts that do not depend on the machine's load.
//!
//! ```sh
//! cargo bench --bench count --no-run   # prints the binary's path
//! valgrind --tool=callgrind target/release/deps/count-… decode/list-request 20000
//! ```
//!
//! Instructions per call = (count at 2N − count at N) / N: the difference removes the
//! corpus build and process start. Ids: `decode/<name>`, `decode_owned/<name>`,
//! `header/<name>`, `encode/<name>`, `floor/<name>`, `yrs/doc-update-100`.

#![allow(missing_docs)]
// Both corpora include `rng.rs` (one source, compiled once per corpus module).
#![allow(clippy::duplicate_mod)]

use std::hint::black_box;

use yjs_wire::{decode, decode_header, decode_shared, teleportal};

#[path = "corpus.rs"]
#[allow(dead_code)]
mod corpus;
#[path = "floor.rs"]
mod floor;
#[path = "teleportal_corpus.rs"]
mod teleportal_corpus;
#[path = "teleportal_touch.rs"]
mod teleportal_touch;
#[path = "touch.rs"]
mod touch;

/// `encode` into a reused `Vec` (of `len` bytes' capacity) `n` times; a checksum of the lengths.
fn encode_n(n: u64, len: usize, encode: impl Fn(&mut Vec<u8>)) -> u64 {
    let mut buf: Vec<u8> = Vec::with_capacity(len);
    let mut sum = 0u64;
    for _ in 0..n {
        buf.clear();
        encode(&mut buf);
        sum ^= black_box(buf.len()) as u64;
    }
    sum
}

/// `teleportal/<group>/<name>`: the bodies of the teleportal criterion ids, `n` times.
fn count_teleportal(id: &str, n: u64) -> u64 {
    let (group, name) = id.split_once('/').expect("teleportal/<group>/<name>");
    let corpus = teleportal_corpus::corpus();
    let item = corpus
        .iter()
        .find(|item| item.name == name)
        .expect("a teleportal corpus name");
    let input: &[u8] = &item.bytes;
    let mut sum = 0u64;
    match group {
        "decode" => {
            for _ in 0..n {
                sum ^= teleportal_touch::touch(
                    &teleportal::decode(black_box(input)).expect("decodes"),
                );
            }
        }
        "decode_owned" => {
            for _ in 0..n {
                sum ^= teleportal_touch::touch(
                    &teleportal::decode_shared(black_box(&item.bytes)).expect("decodes"),
                );
            }
        }
        "encode" => sum = encode_n(n, input.len(), |buf| black_box(&item.frame).encode(buf)),
        _ => panic!("unknown teleportal group {group}"),
    }
    sum
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [id, n] = args.as_slice() else {
        eprintln!("usage: count <group>/<corpus name> <calls>");
        std::process::exit(2);
    };
    let n: u64 = n.parse().expect("a number of calls");
    let (group, name) = id.split_once('/').expect("<group>/<name>");
    if group == "teleportal" {
        println!("{}", count_teleportal(name, n));
        return;
    }
    let corpus = corpus::corpus();
    let item = corpus
        .iter()
        .find(|item| item.name == name)
        .expect("a corpus name");
    let input: &[u8] = &item.bytes;
    let mut sum = 0u64;
    match group {
        "decode" => {
            for _ in 0..n {
                sum ^= touch::touch(&decode(black_box(input)).expect("decodes"));
            }
        }
        "decode_owned" => {
            for _ in 0..n {
                sum ^= touch::touch(&decode_shared(black_box(&item.bytes)).expect("decodes"));
            }
        }
        "header" => {
            for _ in 0..n {
                let h = decode_header(black_box(input)).expect("decodes");
                black_box((h.document().map(str::len), h.kind()));
            }
        }
        "encode" => sum = encode_n(n, input.len(), |buf| black_box(&item.frame).encode(buf)),
        "floor" => {
            for _ in 0..n {
                sum ^= floor::touch(&floor::decode(black_box(input)).expect("decodes"));
            }
        }
        "yrs" => {
            use yrs::{
                sync::{Message, SyncMessage},
                updates::decoder::Decode,
            };
            let body = &input[4 + 1 + corpus::DOCUMENT.len()..];
            for _ in 0..n {
                if let Ok(Message::Sync(SyncMessage::Update(u))) =
                    Message::decode_v1(black_box(body))
                {
                    sum ^= u.len() as u64;
                }
            }
        }
        _ => panic!("unknown group {group}"),
    }
    println!("{sum}");
}
