//! A deterministic generator of valid teleportal frames and lib0 `any` values (every type and
//! sub-type, encrypted 0/1, length and number boundaries), shared by the differential,
//! property and allocation tests.
#![allow(dead_code)]

use yjs_wire::{
    bytes::Bytes,
    lib0::any::{AnyMap, AnyValue, EncodedAny},
    snapshot::Shared,
    teleportal::{
        Ack, AwarenessMessage, DocMessage, Frame, Permission, PresenceClient, PresenceMessage,
        RpcKind, RpcMessage, RpcResult, Update, UpdateVersion,
    },
    U53,
};

/// A small deterministic generator (splitmix64).
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn len(&mut self, max: u64) -> usize {
        if self.chance(5) {
            [127usize, 128, 255, 256][self.below(4) as usize]
        } else {
            self.below(max) as usize
        }
    }
    pub fn text(&mut self, max: u64) -> String {
        let alphabet = [
            "a", "b", "z", "0", "7", "é", "€", "文", "😀", "-", " ", "\u{0}", "$",
        ];
        (0..self.len(max))
            .map(|_| alphabet[self.below(alphabet.len() as u64) as usize])
            .collect()
    }
    pub fn bytes(&mut self, max: u64) -> Bytes {
        Bytes::from(
            (0..self.len(max))
                .map(|_| self.next() as u8)
                .collect::<Vec<u8>>(),
        )
    }
    pub fn u53(&mut self) -> U53 {
        let v = match self.below(4) {
            0 => self.below(128),
            1 => self.below(1 << 14) + 100,
            2 => self.next() >> 11,
            _ => [0, 127, 128, 16383, 16384, (1 << 53) - 1][self.below(6) as usize],
        };
        U53::new(v).unwrap()
    }
    pub fn number(&mut self) -> f64 {
        match self.below(8) {
            0 => self.below(200) as f64 - 100.0,
            1 => [
                0.5,
                -0.0,
                1.5,
                2147483647.0,
                -2147483647.0,
                2147483648.0,
                1e21,
                0.1,
            ][self.below(8) as usize],
            2 => [
                f64::NAN,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::MAX,
                f64::MIN_POSITIVE,
                5e-324,
            ][self.below(6) as usize],
            3 => f64::from(f32::from_bits(self.next() as u32)),
            4 => (self.next() >> 11) as f64,
            5 => (self.next() as i64 >> 20) as f64,
            _ => f64::from_bits(self.next()),
        }
    }
    pub fn key(&mut self) -> String {
        match self.below(4) {
            0 => self.below(20).to_string(),
            _ => {
                let key = self.text(8);
                if matches!(key.as_str(), "__proto__") {
                    "proto".into()
                } else {
                    key
                }
            }
        }
    }
    pub fn object(&mut self, depth: u32) -> AnyMap {
        let mut map = AnyMap::new();
        for _ in 0..self.below(5) {
            let key = self.key();
            let value = self.any(depth + 1);
            map.insert(key.as_str(), value);
        }
        if map.len() == 1 && map.keys().all(|k| k.starts_with('$')) {
            map.insert("other", AnyValue::Null);
        }
        map
    }
    pub fn any(&mut self, depth: u32) -> AnyValue {
        let container = depth < 6 && self.chance(30);
        match self.below(if container { 2 } else { 8 }) + if container { 8 } else { 0 } {
            0 => AnyValue::Undefined,
            1 => AnyValue::Null,
            2 => AnyValue::Bool(self.chance(50)),
            3 | 4 => {
                let n = self.number();
                AnyValue::Number(if n.is_nan() { f64::NAN } else { n })
            }
            5 => AnyValue::BigInt(self.next() as i64),
            6 => AnyValue::String(self.text(12).as_str().into()),
            7 => AnyValue::Bytes(self.bytes(12)),
            8 => AnyValue::Array((0..self.below(5)).map(|_| self.any(depth + 1)).collect()),
            _ => AnyValue::Object(self.object(depth)),
        }
    }
    pub fn client(&mut self) -> PresenceClient<Shared> {
        PresenceClient {
            awareness_id: self.u53(),
            client_id: self.text(10).into(),
            user_id: self.text(10).into(),
            data: EncodedAny::from_value(&AnyValue::Object(self.object(0))),
        }
    }
    pub fn update(&mut self) -> Update<Shared> {
        Update {
            version: if self.chance(50) {
                UpdateVersion::V1
            } else {
                UpdateVersion::V2
            },
            data: self.bytes(40),
        }
    }
    pub fn frame(&mut self) -> Frame<Shared> {
        let document = self.text(12);
        let encrypted = self.chance(30);
        match self.below(16) {
            0 => Frame::Ping,
            1 => Frame::Pong,
            2 => Frame::Doc {
                document: document.into(),
                encrypted,
                message: DocMessage::SyncStep1 {
                    state_vector: self.bytes(20),
                },
            },
            3 => Frame::Doc {
                document: document.into(),
                encrypted,
                message: DocMessage::SyncStep2 {
                    update: self.update(),
                },
            },
            4 => Frame::Doc {
                document: document.into(),
                encrypted,
                message: DocMessage::Update {
                    update: self.update(),
                },
            },
            5 => Frame::Doc {
                document: document.into(),
                encrypted,
                message: DocMessage::SyncDone,
            },
            6 => Frame::Doc {
                document: document.into(),
                encrypted,
                message: DocMessage::AuthMessage {
                    permission: if self.chance(50) {
                        Permission::Denied
                    } else {
                        Permission::Allowed
                    },
                    reason: self.text(20).into(),
                },
            },
            7 => Frame::Awareness {
                document: document.into(),
                encrypted,
                message: AwarenessMessage::Update {
                    update: self.bytes(30),
                },
            },
            8 => Frame::Awareness {
                document: document.into(),
                encrypted,
                message: AwarenessMessage::Request,
            },
            9 => Frame::Ack(Ack {
                message_id: self.text(16).into(),
                retry_after: self.chance(40).then(|| self.u53()),
                error: self.chance(40).then(|| self.text(20).into()),
            }),
            10 => Frame::Presence {
                document: document.into(),
                message: match self.below(5) {
                    0 => PresenceMessage::Announce {
                        awareness_id: self.u53(),
                    },
                    1 => PresenceMessage::Unannounce {
                        awareness_id: self.u53(),
                    },
                    2 => PresenceMessage::Join(self.client()),
                    3 => PresenceMessage::Leave(self.client()),
                    _ => PresenceMessage::Heartbeat {
                        clients: (0..self.below(4)).map(|_| self.client()).collect(),
                    },
                },
            },
            _ => {
                let kind = match self.below(3) {
                    0 => RpcKind::Request,
                    1 => RpcKind::Stream {
                        original_request_id: format!("r{}", self.text(8)).into(),
                    },
                    _ => RpcKind::Response {
                        original_request_id: format!("r{}", self.text(8)).into(),
                    },
                };
                let result = if self.chance(60) {
                    RpcResult::Success {
                        payload: EncodedAny::from_value(&self.any(0)),
                    }
                } else {
                    let payload = match self.any(0) {
                        AnyValue::Null | AnyValue::Undefined => None,
                        value => Some(EncodedAny::from_value(&value)),
                    };
                    RpcResult::Error {
                        status_code: self.u53(),
                        details: self.text(20).into(),
                        payload,
                    }
                };
                Frame::Rpc {
                    document: document.into(),
                    encrypted,
                    message: RpcMessage {
                        method: self.text(12).into(),
                        kind,
                        result,
                    },
                }
            }
        }
    }
}
