//! The teleportal benchmark corpus (issue 14, item 3): seven frames of the teleportal dialect,
//! built in code with the crate's own typed values and encoder.
//!
//! The one definition shared by the criterion bench (`benches/codec.rs`, ids
//! `teleportal/decode/<name>`, …), the corpus test (`tests/teleportal_bench_corpus.rs`), the
//! differential test and the comparison with teleportal's own codec
//! (`examples/teleportal_corpus.rs` prints it for `benches/compare/teleportal.mts`). Names are
//! contracts.
//!
//! Every value is deterministic (fixed yrs client ids, a fixed-seed xorshift for ids and
//! bytes); every frame is for document `workspace/3f2a9c/notes.md`, as teleportal's server and
//! client write them:
//!
//! | name | frame |
//! |---|---|
//! | `sync-step-2-20k` | doc sync-step-2, update version 2: teleportal's content envelope around a yrs V2 update of a text of 20,000 characters typed in 400 transactions |
//! | `update-100` | doc update, version 2: a content envelope of 100 bytes around a one-transaction yrs V2 update |
//! | `ack` | the ack of `update-100` (by its message id) |
//! | `heartbeat-100` | presence heartbeat listing 100 clients, each with `{name, color, cursor}` data |
//! | `milestone-list-1000` | RPC response to `milestoneList`: 1,000 `MilestoneMetaFull` objects |
//! | `milestone-get-1m` | RPC response to `milestoneGet`: `{milestoneId, snapshot}` with a 1 MiB snapshot |
//! | `rpc-nested-any` | RPC request whose payload is a nested `any` tree with every tag `writeAny` writes |

use yjs_wire::{
    bytes::Bytes,
    bytestring::ByteString,
    lib0::any::{AnyMap, AnyValue, EncodedAny},
    snapshot::Shared,
    teleportal::{
        self,
        content::encode_plain_content,
        milestone::{self, CreatedBy, MilestoneMeta},
        DocMessage, Frame, PresenceClient, PresenceMessage, RpcKind, RpcMessage, RpcResult, Update,
        UpdateVersion,
    },
    U53,
};
use yrs::{ReadTxn, StateVector, Text, Transact};

/// One corpus entry: its name, the frame built from values, and its encoded bytes.
pub struct Item {
    /// The corpus name (`milestone-get-1m`, …).
    pub name: &'static str,
    /// The frame, built from typed values (`any` payloads from [`AnyValue`]s).
    pub frame: Frame<Shared>,
    /// `frame.to_vec()`.
    pub bytes: Bytes,
}

/// The document every corpus frame is for.
pub const DOCUMENT: &str = "workspace/3f2a9c/notes.md";

/// createdAt of milestone 1 (ms since the epoch); each later one is a minute later.
const CREATED_AT_BASE: u64 = 1_762_000_000_000;

#[path = "rng.rs"]
mod rng;
use rng::Rng;

/// A y-awareness client id: a random unsigned 32-bit integer.
fn awareness_id(rng: &mut Rng) -> U53 {
    U53::from((rng.next_u64() >> 32) as u32)
}

fn doc_frame(message: DocMessage<Shared>) -> Frame<Shared> {
    Frame::Doc {
        document: ByteString::from_static(DOCUMENT),
        encrypted: false,
        message,
    }
}

/// A plaintext V2 update as teleportal carries it: version 2, data in the content envelope.
fn v2_update(structure_update: &[u8]) -> Update<Shared> {
    Update {
        version: UpdateVersion::V2,
        data: Bytes::from(encode_plain_content(structure_update)),
    }
}

/// The whole state of a text of 20,000 characters typed in 400 transactions of 50 (each at
/// a position that moves through the text), as a yrs V2 update.
fn typed_document_v2() -> Vec<u8> {
    let doc = yrs::Doc::with_client_id(7);
    let text = doc.get_or_insert_text("content");
    let words = "the quick brown fox jumps over the lazy dog, again ";
    for n in 0..400u32 {
        let mut txn = doc.transact_mut();
        let len = text.len(&txn);
        let at = if len == 0 { 0 } else { (n * 7919) % len };
        text.insert(&mut txn, at, &words[..50]);
    }
    let txn = doc.transact();
    txn.encode_state_as_update_v2(&StateVector::default())
}

/// The first one-transaction yrs V2 update (one insertion of k characters into an empty
/// text) whose content envelope is exactly `envelope_len` bytes.
fn update_with_envelope_len(envelope_len: usize) -> Vec<u8> {
    for k in 1..envelope_len {
        let doc = yrs::Doc::with_client_id(11);
        let text = doc.get_or_insert_text("content");
        let mut txn = doc.transact_mut();
        let typed: String = "abcdefghijklmnopqrstuvwxyz"
            .chars()
            .cycle()
            .take(k)
            .collect();
        text.insert(&mut txn, 0, &typed);
        let update = txn.encode_update_v2();
        if encode_plain_content(&update).len() == envelope_len {
            return update;
        }
    }
    panic!("no one-insertion update has a {envelope_len}-byte envelope")
}

fn heartbeat(rng: &mut Rng, clients: usize) -> Frame<Shared> {
    const COLORS: [&str; 6] = [
        "#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#f58231", "#911eb4",
    ];
    let clients: Vec<PresenceClient<Shared>> = (0..clients)
        .map(|n| {
            let mut cursor = AnyMap::new();
            cursor.insert("anchor", AnyValue::Number((n * 37 % 20_000) as f64));
            cursor.insert("head", AnyValue::Number((n * 37 % 20_000 + n % 9) as f64));
            let mut data = AnyMap::new();
            data.insert("name", AnyValue::from(format!("User {}", n + 1).as_str()));
            data.insert("color", AnyValue::from(COLORS[n % COLORS.len()]));
            data.insert("cursor", AnyValue::Object(cursor));
            PresenceClient {
                awareness_id: awareness_id(rng),
                client_id: ByteString::from(rng.uuid()),
                user_id: ByteString::from(format!("user-{}", rng.uuid())),
                data: EncodedAny::from_value(&AnyValue::Object(data)),
            }
        })
        .collect();
    Frame::Presence {
        document: ByteString::from_static(DOCUMENT),
        message: PresenceMessage::Heartbeat {
            clients: clients.into(),
        },
    }
}

fn milestone_list(rng: &mut Rng, count: u64) -> Frame<Shared> {
    struct Owned {
        id: String,
        name: String,
        by: String,
    }
    let owned: Vec<Owned> = (1..=count)
        .map(|n| Owned {
            id: rng.uuid(),
            name: format!("Milestone {n}"),
            by: format!("user-{}", rng.uuid()),
        })
        .collect();
    let metas: Vec<MilestoneMeta<'_>> = owned
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let created_at = (CREATED_AT_BASE + i as u64 * 60_000) as f64;
            let deleted = i % 10 == 9;
            MilestoneMeta {
                id: &o.id,
                name: &o.name,
                document_id: DOCUMENT,
                created_at,
                created_by: CreatedBy {
                    kind: "user",
                    id: &o.by,
                },
                deleted_at: deleted.then_some(created_at + 3_600_000.0),
                lifecycle_state: Some(if deleted { "deleted" } else { "active" }),
                expires_at: None,
            }
        })
        .collect();
    let request = teleportal::message_id(&milestone::list_request(DOCUMENT, &[], false).to_vec());
    milestone::list_response(DOCUMENT, request, &metas)
}

fn milestone_get(rng: &mut Rng, snapshot_len: usize) -> Frame<Shared> {
    let milestone_id = rng.uuid();
    let request = teleportal::message_id(&milestone::get_request(DOCUMENT, &milestone_id).to_vec());
    milestone::get_response(DOCUMENT, request, &milestone_id, &rng.bytes(snapshot_len))
}

fn object(entries: Vec<(&str, AnyValue)>) -> AnyValue {
    let mut map = AnyMap::new();
    for (key, value) in entries {
        map.insert(key, value);
    }
    AnyValue::Object(map)
}

/// A request payload with every kind of value `writeAny` writes: strings (ASCII and not),
/// integers, float32- and float64-only numbers, bigints, booleans, null, undefined, byte
/// arrays, and objects and arrays nested five deep.
fn nested_any(rng: &mut Rng) -> AnyValue {
    let tags: Vec<AnyValue> = ["draft", "review", "légal", "設計"]
        .into_iter()
        .map(AnyValue::from)
        .collect();
    let cells = |row: u32| -> AnyValue {
        AnyValue::Array(
            (0..8u32)
                .map(|col| match col % 4 {
                    0 => AnyValue::Number(f64::from(row * 8 + col)),
                    1 => AnyValue::Number(f64::from(row) + 0.5),
                    2 => AnyValue::Number(f64::from(row) / 3.0),
                    _ => AnyValue::from(format!("r{row}c{col}").as_str()),
                })
                .collect(),
        )
    };
    let rows: Vec<AnyValue> = (0..6u32)
        .map(|row| {
            object(vec![
                ("index", AnyValue::Number(f64::from(row))),
                ("cells", cells(row)),
                ("hidden", AnyValue::Bool(row % 3 == 0)),
                (
                    "note",
                    if row % 2 == 0 {
                        AnyValue::Null
                    } else {
                        AnyValue::Undefined
                    },
                ),
            ])
        })
        .collect();
    let deep = object(vec![(
        "level2",
        object(vec![(
            "level3",
            object(vec![(
                "level4",
                AnyValue::Array(vec![
                    AnyValue::BigInt(-9_007_199_254_740_993),
                    AnyValue::BigInt(1 << 40),
                    AnyValue::Number(-2_147_483_647.0),
                    AnyValue::Number(4_294_967_296.0),
                    AnyValue::Number(-0.0),
                ]),
            )]),
        )]),
    )]);
    object(vec![
        ("method", AnyValue::from("documentQuery")),
        ("requestId", AnyValue::from(rng.uuid().as_str())),
        ("limit", AnyValue::Number(250.0)),
        ("threshold", AnyValue::Number(0.75)),
        ("ratio", AnyValue::Number(0.1)),
        ("since", AnyValue::Number(CREATED_AT_BASE as f64)),
        ("includeDeleted", AnyValue::Bool(false)),
        ("strict", AnyValue::Bool(true)),
        ("cursor", AnyValue::Null),
        ("tags", AnyValue::Array(tags)),
        (
            "filter",
            object(vec![
                (
                    "author",
                    AnyValue::from(format!("user-{}", rng.uuid()).as_str()),
                ),
                (
                    "range",
                    AnyValue::Array(vec![AnyValue::Number(0.0), AnyValue::Number(20_000.0)]),
                ),
                ("deep", deep),
            ]),
        ),
        ("rows", AnyValue::Array(rows)),
        ("checksum", AnyValue::Bytes(Bytes::from(rng.bytes(32)))),
        ("version", AnyValue::BigInt(1_762_000_000_000_123)),
    ])
}

fn rpc_request(method: &str, payload: &AnyValue) -> Frame<Shared> {
    Frame::Rpc {
        document: ByteString::from_static(DOCUMENT),
        encrypted: false,
        message: RpcMessage {
            method: ByteString::from(method),
            kind: RpcKind::Request,
            result: RpcResult::Success {
                payload: EncodedAny::from_value(payload),
            },
        },
    }
}

/// The corpus, in the order of issue 14.
pub fn corpus() -> Vec<Item> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let update_100 = doc_frame(DocMessage::Update {
        update: v2_update(&update_with_envelope_len(100)),
    });
    let ack = teleportal::ack_for(&update_100.to_vec());
    let frames: Vec<(&'static str, Frame<Shared>)> = vec![
        (
            "sync-step-2-20k",
            doc_frame(DocMessage::SyncStep2 {
                update: v2_update(&typed_document_v2()),
            }),
        ),
        ("update-100", update_100),
        ("ack", ack),
        ("heartbeat-100", heartbeat(&mut rng, 100)),
        ("milestone-list-1000", milestone_list(&mut rng, 1000)),
        ("milestone-get-1m", milestone_get(&mut rng, 1024 * 1024)),
        (
            "rpc-nested-any",
            rpc_request("documentQuery", &nested_any(&mut rng)),
        ),
    ];
    frames
        .into_iter()
        .map(|(name, frame)| Item {
            name,
            bytes: Bytes::from(frame.to_vec()),
            frame,
        })
        .collect()
}
