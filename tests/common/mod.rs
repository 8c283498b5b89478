//! Shared test support: proptest strategies for every frame shape, with adversarial values,
//! and helpers to compare frames across storages and to compute the limits a frame needs.
//!
//! One entry point, [`frame`], and one arm per [`FrameKind`] in [`frame_of`]: a new snapshot
//! kind is covered by adding its arm there (the wildcard arm fails loudly until then, because
//! [`all_kinds`] lists `SnapshotKind::ALL`).
#![allow(dead_code)] // each test binary uses a different part of this module

use bytes::Bytes;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use yjs_wire::{
    bytestring::ByteString,
    snapshot::{
        Checksum, DocType, ErrorCode, Field, FrameKind, MetaList, Shared, SnapshotDetails,
        SnapshotKind, SnapshotMessage, SnapshotMeta, SnapshotState, Tag, TagList,
    },
    Frame, Limits, U53,
};

/// Strings that break naive codecs: empty, NUL, BOM, 2-, 3- and 4-byte UTF-8, the last
/// scalar value, a combining sequence, and a kind string.
pub const ATOMS: &[&str] = &[
    "",
    "a",
    "\0",
    "\u{feff}",
    "é",
    "€",
    "😀",
    "\u{10ffff}",
    "e\u{301}",
    "list-snapshots",
    "\r\n\t\"\\",
];

/// Every value at a varUint length boundary (2^(7k) − 1 and 2^(7k)), plus 2^53 − 1 and its
/// neighbours: each encoded length 1 ..= 8 appears at both ends.
pub fn u53_boundaries() -> Vec<U53> {
    let mut values = vec![
        0u64,
        1,
        (1 << 52) - 1,
        1 << 52,
        U53::MAX.get() - 1,
        U53::MAX.get(),
    ];
    for k in 1..=7u32 {
        values.push((1u64 << (7 * k)) - 1);
        values.push(1u64 << (7 * k));
    }
    values.into_iter().filter_map(U53::new).collect()
}

/// A `U53`: often a length boundary, otherwise any value, with every varUint length equally
/// likely.
pub fn u53() -> BoxedStrategy<U53> {
    prop_oneof![
        1 => proptest::sample::select(u53_boundaries()),
        1 => (0u32..=53).prop_flat_map(|bits| 0..=((1u64 << bits) - 1))
            .prop_map(|v| U53::new(v).unwrap_or(U53::MAX)),
    ]
    .boxed()
}

/// A string of at most `max` UTF-8 bytes (`max` must be ≥ 4): small random text, runs of
/// [`ATOMS`], an atom repeated to any length, or exactly `max` bytes.
pub fn text(max: usize) -> BoxedStrategy<ByteString> {
    let atom = proptest::sample::select(ATOMS);
    let long_atom = proptest::sample::select(&ATOMS[1..]);
    prop_oneof![
        6 => "\\PC{0,12}".prop_map(ByteString::from),
        4 => proptest::collection::vec(atom, 0..8).prop_map(|parts| ByteString::from(parts.concat())),
        1 => (long_atom.clone(), 0..=max).prop_map(move |(atom, n)| ByteString::from(fill(atom, n))),
        1 => long_atom.prop_map(move |atom| ByteString::from(fill(atom, max))),
    ]
    .prop_map(move |s: ByteString| {
        let mut s = s.to_string();
        while s.len() > max {
            s.pop();
        }
        ByteString::from(s)
    })
    .boxed()
}

/// `atom` repeated while it fits in `len` bytes, then padded with `a` to exactly `len` bytes.
pub fn fill(atom: &str, len: usize) -> String {
    let mut s = atom.repeat(len / atom.len().max(1));
    while s.len() < len {
        s.push('a');
    }
    s
}

/// A short string for list entries (where thousands of long strings would only cost time).
pub fn short_text() -> BoxedStrategy<ByteString> {
    prop_oneof![
        3 => "\\PC{0,6}".prop_map(ByteString::from),
        2 => proptest::sample::select(ATOMS).prop_map(ByteString::from),
    ]
    .boxed()
}

/// A byte array: empty, small random, or large (up to 1 MiB, patterned so it is cheap).
pub fn payload() -> BoxedStrategy<Bytes> {
    prop_oneof![
        2 => Just(Bytes::new()),
        6 => proptest::collection::vec(any::<u8>(), 0..64).prop_map(Bytes::from),
        1 => (any::<u8>(), 0usize..=1 << 20).prop_map(|(seed, len)| {
            Bytes::from((0..len).map(|i| (i as u8).wrapping_mul(31) ^ seed).collect::<Vec<u8>>())
        }),
    ]
    .boxed()
}

/// A document name within the default 1024-byte limit.
pub fn document() -> BoxedStrategy<ByteString> {
    text(Limits::DEFAULT.max_name_bytes)
}

/// Any other string within the default 64 KiB limit.
pub fn string() -> BoxedStrategy<ByteString> {
    text(Limits::DEFAULT.max_string_bytes)
}

/// Snapshot metadata with adversarial strings and integers.
pub fn meta() -> BoxedStrategy<SnapshotMeta<Shared>> {
    (u53(), string(), u53(), string())
        .prop_map(|(id, name, created_at, user_id)| {
            SnapshotMeta::new(id, name, created_at, user_id)
        })
        .boxed()
}

/// Metadata with short strings, for long lists.
pub fn short_meta() -> BoxedStrategy<SnapshotMeta<Shared>> {
    (u53(), short_text(), u53(), short_text())
        .prop_map(|(id, name, created_at, user_id)| {
            SnapshotMeta::new(id, name, created_at, user_id)
        })
        .boxed()
}

/// A snapshot list: empty, a few full entries, or up to 3,000 short ones.
pub fn meta_list() -> BoxedStrategy<MetaList<Shared>> {
    prop_oneof![
        1 => Just(Vec::new()),
        4 => proptest::collection::vec(meta(), 1..6),
        4 => proptest::collection::vec(short_meta(), 0..64),
        1 => proptest::collection::vec(short_meta(), 1000..3000),
    ]
    .prop_map(MetaList::from)
    .boxed()
}

/// A list of snapshot ids: empty, a few length boundaries or random values, or up to 3,000.
pub fn id_list() -> BoxedStrategy<Vec<U53>> {
    prop_oneof![
        1 => Just(Vec::new()),
        4 => proptest::collection::vec(u53(), 1..8),
        1 => proptest::collection::vec(u53(), 1000..3000),
    ]
    .boxed()
}

/// A tag list: empty, a few full-length tags, many short ones, or up to 3,000 short ones.
pub fn tag_list() -> BoxedStrategy<Vec<ByteString>> {
    prop_oneof![
        1 => Just(Vec::new()),
        3 => proptest::collection::vec(string(), 1..4),
        4 => proptest::collection::vec(short_text(), 0..64),
        1 => proptest::collection::vec(short_text(), 1000..3000),
    ]
    .boxed()
}

/// Any error code: a named one, 0, or any `U53` (mostly unnamed, kept as is).
pub fn error_code() -> BoxedStrategy<ErrorCode> {
    prop_oneof![
        2 => proptest::sample::select(ErrorCode::NAMED.to_vec()),
        1 => Just(ErrorCode::from(U53::ZERO)),
        2 => u53().prop_map(ErrorCode::from),
    ]
    .boxed()
}

/// A request kind for `snapshot-error`: a known kind string, `unknown`, or any string.
pub fn request_kind() -> BoxedStrategy<ByteString> {
    let known: Vec<&'static str> = SnapshotKind::ALL.iter().map(|k| k.as_str()).collect();
    prop_oneof![
        2 => proptest::sample::select(known).prop_map(ByteString::from_static),
        1 => Just(ByteString::from_static("unknown")),
        2 => string(),
    ]
    .boxed()
}

/// A checksum of one of the two lengths the wire allows: 0 (unknown) or 32 bytes (all 0x00,
/// all 0xff, or random).
pub fn checksum() -> BoxedStrategy<Checksum<Shared>> {
    prop_oneof![
        1 => Just(Bytes::new()),
        1 => Just(Bytes::from(vec![0u8; 32])),
        1 => Just(Bytes::from(vec![0xffu8; 32])),
        2 => proptest::array::uniform32(any::<u8>()).prop_map(|d| Bytes::copy_from_slice(&d)),
    ]
    .prop_map(|bytes| Checksum::new(bytes).expect("0 or 32 bytes"))
    .boxed()
}

/// Any snapshot state.
pub fn state() -> BoxedStrategy<SnapshotState> {
    proptest::sample::select(SnapshotState::ALL.to_vec()).boxed()
}

/// Snapshot details with adversarial strings, tags, integers and checksums.
pub fn details() -> BoxedStrategy<SnapshotDetails<Shared>> {
    (
        string(),
        tag_list(),
        u53(),
        checksum(),
        u53(),
        u53(),
        state(),
    )
        .prop_map(
            |(description, tags, content_length, checksum, expires_at, parent_id, state)| {
                SnapshotDetails {
                    description,
                    tags: tags.into_iter().map(Tag::new).collect(),
                    content_length,
                    checksum,
                    expires_at,
                    parent_id,
                    state,
                }
            },
        )
        .boxed()
}

/// Every frame kind: ping, pong, the three doc types, awareness and every snapshot kind.
pub fn all_kinds() -> Vec<FrameKind> {
    let mut kinds = vec![
        FrameKind::Ping,
        FrameKind::Pong,
        FrameKind::Doc(DocType::SyncStep1),
        FrameKind::Doc(DocType::SyncStep2),
        FrameKind::Doc(DocType::Update),
        FrameKind::Awareness,
    ];
    kinds.extend(
        SnapshotKind::ALL
            .iter()
            .map(|&kind| FrameKind::Snapshot(kind)),
    );
    kinds
}

/// Frames of exactly one kind. One arm per kind.
pub fn frame_of(kind: FrameKind) -> BoxedStrategy<Frame<Shared>> {
    type F = Frame<Shared>;
    match kind {
        FrameKind::Ping => Just(F::Ping).boxed(),
        FrameKind::Pong => Just(F::Pong).boxed(),
        FrameKind::Doc(DocType::SyncStep1) => (document(), payload())
            .prop_map(|(d, p)| F::sync_step1(d, p))
            .boxed(),
        FrameKind::Doc(DocType::SyncStep2) => (document(), payload())
            .prop_map(|(d, p)| F::sync_step2(d, p))
            .boxed(),
        FrameKind::Doc(DocType::Update) => (document(), payload())
            .prop_map(|(d, p)| F::update(d, p))
            .boxed(),
        FrameKind::Awareness => (document(), payload())
            .prop_map(|(d, p)| F::awareness(d, p))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::ListSnapshots) => {
            document().prop_map(F::list_snapshots).boxed()
        }
        FrameKind::Snapshot(SnapshotKind::ListSnapshotsResponse) => (document(), meta_list())
            .prop_map(|(document, snapshots)| F::Snapshot {
                document,
                message: SnapshotMessage::ListSnapshotsResponse { snapshots },
            })
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRequest) => (document(), string(), string())
            .prop_map(|(d, name, current)| F::snapshot_request(d, name, current))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotFetchRequest) => (document(), u53())
            .prop_map(|(d, id)| F::snapshot_fetch_request(d, id))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotFetchResponse) => (document(), meta(), payload())
            .prop_map(|(d, m, content)| F::snapshot_fetch_response(d, m, content))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRevertRequest) => (document(), u53())
            .prop_map(|(d, id)| F::snapshot_revert_request(d, id))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRevertResponse) => (document(), meta())
            .prop_map(|(d, m)| F::snapshot_revert_response(d, m))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotCreatedEvent) => (document(), meta())
            .prop_map(|(d, m)| F::snapshot_created_event(d, m))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRevertedEvent) => (document(), meta(), string())
            .prop_map(|(d, m, by)| F::snapshot_reverted_event(d, m, by))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotError) => {
            (document(), request_kind(), u53(), error_code(), string())
                .prop_map(|(d, kind, id, code, message)| {
                    F::snapshot_error(d, kind, id, code, message)
                })
                .boxed()
        }
        FrameKind::Snapshot(SnapshotKind::ListSnapshotsSince) => (document(), id_list())
            .prop_map(|(d, ids)| F::list_snapshots_since(d, ids))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRenameRequest) => (document(), u53(), string())
            .prop_map(|(d, id, name)| F::snapshot_rename_request(d, id, name))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRenameResponse) => (document(), meta())
            .prop_map(|(d, m)| F::snapshot_rename_response(d, m))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRenamedEvent) => (document(), meta(), string())
            .prop_map(|(d, m, by)| F::snapshot_renamed_event(d, m, by))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotDeleteRequest) => (document(), u53())
            .prop_map(|(d, id)| F::snapshot_delete_request(d, id))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotDeleteResponse) => (document(), u53())
            .prop_map(|(d, id)| F::snapshot_delete_response(d, id))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotDeletedEvent) => (document(), u53(), string())
            .prop_map(|(d, id, by)| F::snapshot_deleted_event(d, id, by))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotInfoRequest) => (document(), u53())
            .prop_map(|(d, id)| F::snapshot_info_request(d, id))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotInfoResponse) => (document(), meta(), details())
            .prop_map(|(d, m, details)| F::snapshot_info_response(d, m, details))
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotCreateRequest) => (
            document(),
            string(),
            string(),
            string(),
            tag_list(),
            u53(),
            u53(),
        )
            .prop_map(|(d, name, current, description, tags, expires, parent)| {
                F::snapshot_create_request(d, name, current, description, tags, expires, parent)
            })
            .boxed(),
        FrameKind::Snapshot(SnapshotKind::SnapshotRevertProgressEvent) => {
            (document(), u53(), string(), u53(), u53())
                .prop_map(|(d, id, stage, completed, total)| {
                    F::snapshot_revert_progress_event(d, id, stage, completed, total)
                })
                .boxed()
        }
        FrameKind::Snapshot(SnapshotKind::SearchSnapshots) => {
            (document(), string(), tag_list(), u53(), u53(), u53(), u53())
                .prop_map(|(d, query, tags, from, to, offset, limit)| {
                    F::search_snapshots(d, query, tags, from, to, offset, limit)
                })
                .boxed()
        }
        FrameKind::Snapshot(SnapshotKind::SnapshotStatsRequest) => {
            document().prop_map(F::snapshot_stats_request).boxed()
        }
        FrameKind::Snapshot(SnapshotKind::SnapshotStatsResponse) => {
            (document(), u53(), u53(), u53(), u53())
                .prop_map(|(d, count, total, oldest, newest)| {
                    F::snapshot_stats_response(d, count, total, oldest, newest)
                })
                .boxed()
        }
        other => panic!("no strategy for {other:?}: add an arm to frame_of"),
    }
}

/// Any frame of any kind: the one entry point.
pub fn frame() -> BoxedStrategy<Frame<Shared>> {
    proptest::sample::select(all_kinds())
        .prop_flat_map(frame_of)
        .boxed()
}

/// Cases per kind and property: `PROPTEST_CASES` if set, else `default`.
pub fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Run `test` on `cases` frames of every kind (so no kind is left to chance), with
/// `extra` generated beside each frame. Returns the number of cases run.
pub fn for_every_kind<E: Strategy + Clone>(
    cases: u32,
    extra: E,
    test: impl Fn(Frame<Shared>, E::Value) -> Result<(), TestCaseError>,
) -> u64 {
    let mut total = 0u64;
    for kind in all_kinds() {
        let config = Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        };
        let mut runner = TestRunner::new(config);
        runner
            .run(&(frame_of(kind), extra.clone()), |(frame, extra)| {
                test(frame, extra)
            })
            .unwrap_or_else(|e| panic!("{kind:?}: {e}"));
        total += u64::from(cases);
    }
    total
}

/// The tightest limits under which `frame` decodes: every field exactly at what the frame
/// uses (0 where it has no such element).
pub fn required_limits(frame: &Frame<Shared>) -> Limits {
    let mut limits = Limits::DEFAULT;
    limits.max_frame_bytes = frame.encoded_len();
    limits.max_name_bytes = frame.document().map_or(0, str::len);
    limits.max_string_bytes = 0;
    limits.max_payload_bytes = 0;
    limits.max_list_entries = 0;
    let mut string = |len: usize| limits.max_string_bytes = limits.max_string_bytes.max(len);
    let meta = |m: &SnapshotMeta<Shared>| m.name.len().max(m.user_id.len());
    let tags = |t: &TagList<Shared>| t.iter().map(|tag| tag.as_str().len()).max();
    let mut payload = 0;
    let mut entries = 0;
    match frame {
        Frame::Ping | Frame::Pong => {}
        Frame::Doc { message, .. } => payload = message.payload().len(),
        Frame::Awareness { message, .. } => payload = message.update.len(),
        Frame::Snapshot { message, .. } => {
            string(message.kind_str().len());
            // Every field by type: a new kind is covered without an edit here.
            message.for_each_field(|_, field| match field {
                Field::Text(text) => string(text.len()),
                Field::Bytes(bytes) => payload = payload.max(bytes.len()),
                Field::U53(_) | Field::Code(_) => {}
                Field::Meta(m) => string(meta(m)),
                Field::Metas(list) => {
                    entries = entries.max(list.len());
                    list.iter().for_each(|m| string(meta(&m)));
                }
                Field::Ids(list) => entries = entries.max(list.len()),
                Field::Tags(list) => {
                    entries = entries.max(list.len());
                    string(tags(list).unwrap_or(0));
                }
                Field::Details(details) => {
                    string(details.description.len());
                    entries = entries.max(details.tags.len());
                    string(tags(&details.tags).unwrap_or(0));
                }
            });
        }
    }
    limits.max_payload_bytes = payload;
    limits.max_list_entries = entries;
    limits
}

/// The fields of `Limits` as an array, for comparisons.
pub fn fields(limits: &Limits) -> [usize; 5] {
    [
        limits.max_frame_bytes,
        limits.max_name_bytes,
        limits.max_string_bytes,
        limits.max_payload_bytes,
        limits.max_list_entries,
    ]
}

/// `Limits` from the array of [`fields`].
pub fn limits_of(fields: [usize; 5]) -> Limits {
    let mut limits = Limits::DEFAULT;
    [
        limits.max_frame_bytes,
        limits.max_name_bytes,
        limits.max_string_bytes,
        limits.max_payload_bytes,
        limits.max_list_entries,
    ] = fields;
    limits
}
