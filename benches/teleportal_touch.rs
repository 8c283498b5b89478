//! The field reads every teleportal decode benchmark does after decoding (`codec.rs`,
//! `tests/teleportal_bench_corpus.rs`).

use yjs_wire::{
    lib0::any::Any,
    snapshot::Storage,
    teleportal::{
        AwarenessMessage, DocMessage, Frame, PresenceClient, PresenceMessage, RpcKind, RpcResult,
    },
};

/// Read every field of a decoded teleportal frame, as an application would: every string's
/// and byte array's length (never their bytes: contents are opaque), every integer, flag and
/// sub-type, every heartbeat client, and every `any` value walked to its leaves (every array
/// item and object entry, every key's length). Returns a checksum so nothing is optimized
/// away; it depends only on the values, so both storages give the same sum.
pub fn touch<S: Storage>(frame: &Frame<S>) -> u64 {
    let mut sum = frame.document().map_or(0, |d| d.len() as u64) ^ u64::from(frame.encrypted());
    sum ^= match frame {
        Frame::Ping | Frame::Pong => 1,
        Frame::Doc { message, .. } => {
            message.doc_type() as u64
                ^ match message {
                    DocMessage::SyncStep1 { state_vector } => state_vector.len() as u64,
                    DocMessage::SyncStep2 { update } | DocMessage::Update { update } => {
                        update.version as u64 ^ update.data.len() as u64
                    }
                    DocMessage::SyncDone => 3,
                    DocMessage::AuthMessage { permission, reason } => {
                        *permission as u64 ^ reason.len() as u64
                    }
                }
        }
        Frame::Awareness { message, .. } => match message {
            AwarenessMessage::Update { update } => update.len() as u64,
            AwarenessMessage::Request => 5,
        },
        Frame::Ack(ack) => {
            ack.message_id.len() as u64
                ^ ack.retry_after.map_or(0, |r| r.get())
                ^ ack.error.as_ref().map_or(0, |e| e.len() as u64)
        }
        Frame::Presence { message, .. } => match message {
            PresenceMessage::Announce { awareness_id }
            | PresenceMessage::Unannounce { awareness_id } => awareness_id.get(),
            PresenceMessage::Join(client) | PresenceMessage::Leave(client) => {
                presence_client(client)
            }
            PresenceMessage::Heartbeat { clients } => clients
                .iter()
                .fold(0u64, |acc, c| acc.wrapping_add(presence_client(&c))),
        },
        Frame::Rpc { message, .. } => {
            let mut sum = message.method.len() as u64;
            sum ^= match &message.kind {
                RpcKind::Request => 7,
                RpcKind::Stream {
                    original_request_id,
                }
                | RpcKind::Response {
                    original_request_id,
                } => original_request_id.len() as u64,
            };
            sum ^ match &message.result {
                RpcResult::Success { payload } => walk(payload.get()),
                RpcResult::Error {
                    status_code,
                    details,
                    payload,
                } => {
                    status_code.get()
                        ^ details.len() as u64
                        ^ payload.as_ref().map_or(0, |p| walk(p.get()))
                }
            }
        }
    };
    sum
}

fn presence_client<S: Storage>(client: &PresenceClient<S>) -> u64 {
    client.awareness_id.get()
        ^ client.client_id.len() as u64
        ^ client.user_id.len() as u64
        ^ walk(client.data.get())
}

/// Every leaf of an `any` value: lengths of strings, byte arrays and keys, the bits of
/// numbers and bigints, and the items and entries of arrays and objects, recursively.
pub fn walk(value: Any<'_>) -> u64 {
    match value {
        Any::Undefined => 1,
        Any::Null => 2,
        Any::Bool(b) => 3 + u64::from(b),
        Any::Number(n) => n.to_bits(),
        Any::BigInt(n) => n as u64,
        Any::String(s) => s.len() as u64,
        Any::Bytes(b) => b.len() as u64,
        Any::Array(items) => items
            .iter()
            .fold(items.len() as u64, |acc, v| acc.rotate_left(5) ^ walk(v)),
        Any::Object(entries) => entries.iter().fold(entries.len() as u64, |acc, (k, v)| {
            acc.rotate_left(5) ^ k.len() as u64 ^ walk(v)
        }),
    }
}
