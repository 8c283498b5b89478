//! Borrowed decoding of the teleportal dialect allocates nothing: every valid vector of
//! spec/vectors/teleportal/ is decoded, its header peeked and every field, heartbeat client
//! and `any` value (objects and arrays iterated to the leaves) read under a counting
//! allocator. (The only test in this binary, so no other test thread allocates meanwhile.)

use std::alloc::System;

use stats_alloc::{Region, StatsAlloc, INSTRUMENTED_SYSTEM};
use yjs_wire::{
    lib0::any::Any,
    snapshot::Borrowed,
    teleportal::{self, Frame, PresenceMessage, RpcResult},
};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn walk(value: Any<'_>) -> usize {
    match value {
        Any::String(text) => text.len(),
        Any::Bytes(bytes) => bytes.len(),
        Any::Number(n) => n.to_bits() as usize & 1,
        Any::BigInt(n) => n as usize & 1,
        Any::Array(items) => items.iter().map(walk).sum::<usize>() + 1,
        Any::Object(entries) => {
            entries
                .iter()
                .map(|(k, v)| k.len() + walk(v))
                .sum::<usize>()
                + 1
        }
        Any::Undefined | Any::Null | Any::Bool(_) => 1,
    }
}

fn read_all(frame: &Frame<Borrowed<'_>>) -> usize {
    let mut sum = frame.document().map_or(0, str::len);
    match frame {
        Frame::Presence { message, .. } => match message {
            PresenceMessage::Join(client) | PresenceMessage::Leave(client) => {
                sum += client.client_id.len() + walk(client.data.get());
            }
            PresenceMessage::Heartbeat { clients } => {
                for client in clients {
                    sum += client.user_id.len() + walk(client.data.get());
                }
            }
            _ => {}
        },
        Frame::Rpc { message, .. } => {
            sum += message.method.len();
            match &message.result {
                RpcResult::Success { payload } => sum += walk(payload.get()),
                RpcResult::Error {
                    payload, details, ..
                } => {
                    sum += details.len() + payload.as_ref().map_or(0, |p| walk(p.get()));
                }
            }
        }
        _ => {}
    }
    sum
}

#[test]
fn borrowed_decode_of_every_valid_vector_allocates_nothing() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/spec/vectors/teleportal/valid.json"
    );
    let vectors: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let frames: Vec<Vec<u8>> = vectors
        .iter()
        .map(|v| {
            let hex = v["hex"].as_str().unwrap();
            (0..hex.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
                .collect()
        })
        .collect();
    let mut anys = 0;
    for bytes in &frames {
        let region = Region::new(GLOBAL);
        let frame = teleportal::decode(bytes).unwrap();
        let read = read_all(&frame);
        let header = teleportal::decode_header(bytes).unwrap();
        let id = teleportal::message_id(bytes).to_hex();
        let stats = region.change();
        assert_eq!(
            (stats.allocations, stats.reallocations),
            (0, 0),
            "{bytes:02x?} allocated"
        );
        anys += usize::from(matches!(frame, Frame::Rpc { .. } | Frame::Presence { .. }));
        std::hint::black_box((read, header, id));
    }
    assert!(anys > 20, "only {anys} frames with any values");
}
