//! The JSON form of frames (`../shared/design/teleportal-json-form.md`): the frame members
//! here, each message's payload in its own file.

use alloc::string::String;
use serde::{
    de::{self, Deserializer},
    ser::{SerializeMap, Serializer},
    Deserialize, Serialize,
};

use super::{
    ack::json::AckIn, awareness::json::AwarenessIn, doc::json::DocIn, presence::json::PresenceIn,
    rpc::json as rpc_json, Frame,
};
use crate::{snapshot::storage::Storage, snapshot::Shared};

impl<S: Storage> Serialize for Frame<S> {
    fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", self.kind().type_name())?;
        match self {
            Frame::Doc {
                document,
                encrypted,
                message,
            } => {
                map.serialize_entry("document", &**document)?;
                map.serialize_entry("encrypted", encrypted)?;
                map.serialize_entry("payload", message)?;
            }
            Frame::Awareness {
                document,
                encrypted,
                message,
            } => {
                map.serialize_entry("document", &**document)?;
                map.serialize_entry("encrypted", encrypted)?;
                map.serialize_entry("payload", message)?;
            }
            Frame::Ack(ack) => {
                map.serialize_entry("encrypted", &false)?;
                map.serialize_entry("payload", ack)?;
            }
            Frame::Presence { document, message } => {
                map.serialize_entry("document", &**document)?;
                map.serialize_entry("encrypted", &false)?;
                map.serialize_entry("payload", message)?;
            }
            Frame::Rpc {
                document,
                encrypted,
                message,
            } => {
                map.serialize_entry("document", &**document)?;
                map.serialize_entry("encrypted", encrypted)?;
                map.serialize_entry("payload", &message.result)?;
                map.serialize_entry("rpcMethod", &*message.method)?;
                map.serialize_entry("requestType", message.kind.request_type().as_str())?;
                if let Some(id) = message.kind.original_request_id() {
                    map.serialize_entry("originalRequestId", &**id)?;
                }
            }
            Frame::Ping | Frame::Pong => {}
        }
        map.end()
    }
}

fn not_true<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    let encrypted = bool::deserialize(deserializer)?;
    if encrypted {
        return Err(de::Error::custom(
            "acks and presence messages are never encrypted (teleportal writes 0)",
        ));
    }
    Ok(false)
}

fn empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<(), D::Error> {
    let document = String::deserialize(deserializer)?;
    if !document.is_empty() {
        return Err(de::Error::custom(
            "an ack has no document (teleportal writes an empty name)",
        ));
    }
    Ok(())
}

#[derive(Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
enum FrameIn {
    Doc {
        document: String,
        encrypted: bool,
        payload: DocIn,
    },
    Awareness {
        document: String,
        encrypted: bool,
        payload: AwarenessIn,
    },
    Ack {
        #[serde(default, deserialize_with = "not_true", rename = "encrypted")]
        _encrypted: bool,
        /// Teleportal leaves it out; an empty one is taken too.
        #[serde(default, deserialize_with = "empty", rename = "document")]
        _document: (),
        payload: AckIn,
    },
    Presence {
        document: String,
        #[serde(default, deserialize_with = "not_true", rename = "encrypted")]
        _encrypted: bool,
        payload: PresenceIn,
    },
    Rpc {
        document: String,
        encrypted: bool,
        payload: rpc_json::ResultIn,
        #[serde(rename = "rpcMethod")]
        rpc_method: String,
        #[serde(rename = "requestType")]
        request_type: rpc_json::RequestTypeIn,
        #[serde(rename = "originalRequestId", default)]
        original_request_id: Option<String>,
    },
    Ping {},
    Pong {},
}

impl<'de> Deserialize<'de> for Frame<Shared> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let frame = match FrameIn::deserialize(deserializer)? {
            FrameIn::Doc {
                document,
                encrypted,
                payload,
            } => Frame::Doc {
                document: document.into(),
                encrypted,
                message: payload.into_message().map_err(de::Error::custom)?,
            },
            FrameIn::Awareness {
                document,
                encrypted,
                payload,
            } => Frame::Awareness {
                document: document.into(),
                encrypted,
                message: payload.into_message(),
            },
            FrameIn::Ack { payload, .. } => Frame::Ack(payload.into_message()),
            FrameIn::Presence {
                document, payload, ..
            } => Frame::Presence {
                document: document.into(),
                message: payload.into_message().map_err(de::Error::custom)?,
            },
            FrameIn::Rpc {
                document,
                encrypted,
                payload,
                rpc_method,
                request_type,
                original_request_id,
            } => Frame::Rpc {
                document: document.into(),
                encrypted,
                message: rpc_json::message(rpc_method, request_type, original_request_id, payload)
                    .map_err(de::Error::custom)?,
            },
            FrameIn::Ping {} => Frame::Ping,
            FrameIn::Pong {} => Frame::Pong,
        };
        Ok(frame)
    }
}
