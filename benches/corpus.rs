//! The benchmark corpus: the frames of issue 4, built in code with fixed shapes.
//!
//! The one definition shared by the criterion bench (`benches/codec.rs`) and the lib0
//! comparison (`examples/corpus.rs` prints it for `benches/compare/`). Names are contracts:
//! they appear in benchmark ids (`decode/list-response-100`, …).
//!
//! Every value is deterministic: document `workspace/3f2a9c/notes.md`, snapshot names
//! `Version N`, createdAt ≈ 1.762e12 ms, 36-character UUID user ids, pseudo-random bytes
//! for contents and updates.

use yjs_wire::{
    bytes::Bytes,
    bytestring::ByteString,
    snapshot::{Shared, SnapshotMeta},
    Frame, U53,
};

/// One corpus entry: its name, the frame built from values, and its encoded bytes.
pub struct Item {
    /// The corpus name (`fetch-response-64k`, …).
    pub name: &'static str,
    /// The frame, built with the crate's constructors (lists hold values, not wire bytes).
    pub frame: Frame<Shared>,
    /// `frame.to_bytes()`.
    pub bytes: Bytes,
}

impl Item {
    /// Whether this is a `snapshot-fetch-response` (the items with vectored encode benches).
    pub fn is_fetch_response(&self) -> bool {
        self.name.starts_with("fetch-response-")
    }
}

/// The document every corpus frame is for.
pub const DOCUMENT: &str = "workspace/3f2a9c/notes.md";

/// [`DOCUMENT`] in shared storage: the corpus frames are `Frame<Shared>`.
fn shared_document() -> ByteString {
    ByteString::from_static(DOCUMENT)
}
/// createdAt of snapshot 1; each later snapshot is a minute later.
const CREATED_AT_BASE: u64 = 1_762_000_000_000;

#[path = "rng.rs"]
mod rng;
use rng::Rng;

fn meta(rng: &mut Rng, n: u64) -> SnapshotMeta<Shared> {
    SnapshotMeta::new(
        U53::try_from(n).expect("small id"),
        ByteString::from(format!("Version {n}")),
        U53::try_from(CREATED_AT_BASE + (n - 1) * 60_000).expect("a 2025 timestamp"),
        ByteString::from(rng.uuid()),
    )
}

fn list_response(rng: &mut Rng, count: u64) -> Frame<Shared> {
    let metas: Vec<_> = (1..=count).map(|n| meta(rng, n)).collect();
    Frame::list_snapshots_response(&shared_document(), metas)
}

fn fetch_response(rng: &mut Rng, content_len: usize) -> Frame<Shared> {
    let snapshot = meta(rng, 12);
    Frame::snapshot_fetch_response(
        &shared_document(),
        snapshot,
        Bytes::from(rng.bytes(content_len)),
    )
}

/// The corpus, in the order of issue 4.
pub fn corpus() -> Vec<Item> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let frames: Vec<(&'static str, Frame<Shared>)> = vec![
        ("list-request", Frame::list_snapshots(&shared_document())),
        (
            "snapshot-request",
            Frame::snapshot_request(&shared_document(), "Version 12", "Version 11"),
        ),
        (
            "revert-request",
            Frame::snapshot_revert_request(&shared_document(), U53::from(12u8)),
        ),
        ("reverted-event", {
            let snapshot = meta(&mut rng, 12);
            Frame::snapshot_reverted_event(
                &shared_document(),
                snapshot,
                ByteString::from(rng.uuid()),
            )
        }),
        ("list-response-1", list_response(&mut rng, 1)),
        ("list-response-100", list_response(&mut rng, 100)),
        ("list-response-10000", list_response(&mut rng, 10_000)),
        ("fetch-response-16", fetch_response(&mut rng, 16)),
        ("fetch-response-1k", fetch_response(&mut rng, 1024)),
        ("fetch-response-64k", fetch_response(&mut rng, 64 * 1024)),
        ("fetch-response-1m", fetch_response(&mut rng, 1024 * 1024)),
        (
            "doc-update-100",
            Frame::update(&shared_document(), Bytes::from(rng.bytes(100))),
        ),
        (
            "awareness-50",
            Frame::awareness(&shared_document(), Bytes::from(rng.bytes(50))),
        ),
    ];
    frames
        .into_iter()
        .map(|(name, frame)| Item {
            name,
            bytes: frame.to_bytes(),
            frame,
        })
        .collect()
}
