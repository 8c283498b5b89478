//! Doc messages (type 0): Y.js sync, updates and the server's auth verdict.
//!
//! ```text
//! header (type 00) | u8 sub-type | …
//! 00 sync-step-1   | varUint8Array state vector
//! 01 sync-step-2   | u8 update version (1 | 2) | varUint8Array update
//! 02 update        | u8 update version (1 | 2) | varUint8Array update
//! 03 sync-done     |
//! 04 auth-message  | u8 permission (0 denied | 1 allowed) | varString reason
//!
//! 59 4a 53 01 01 64 00 00 | 02 | 01 | 02 00 00     update v1 of "d", data 00 00
//! ```
//!
//! | sub-type | access | JSON payload |
//! |---|---|---|
//! | sync-step-1 | read | `{"type": "sync-step-1", "sv": HEX}` |
//! | sync-step-2 | write | `{"type": "sync-step-2", "update": {"version": 1, "data": HEX}}` |
//! | update | write | `{"type": "update", "update": {"version": 2, "data": HEX}}` |
//! | sync-done | read | `{"type": "sync-done"}` |
//! | auth-message | server-to-client | `{"type": "auth-message", "permission": "denied", "reason": S}` |
//!
//! Teleportal's decoder takes any update-version byte and any permission byte (non-zero reads
//! as "allowed"); re-encoded they change, so a strict decoder refuses them (`invalid-value`).

use super::{header::small_field, sink::FrameSink, Access};
use crate::{
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind,
};

const SUB_TYPE: &str = "the doc sub-type";

/// The sub-type of a doc message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DocType {
    /// 0: `sync-step-1`.
    SyncStep1,
    /// 1: `sync-step-2`.
    SyncStep2,
    /// 2: `update`.
    Update,
    /// 3: `sync-done`.
    SyncDone,
    /// 4: `auth-message`.
    AuthMessage,
}

impl DocType {
    /// Every sub-type, in wire order.
    pub const ALL: [DocType; 5] = [
        DocType::SyncStep1,
        DocType::SyncStep2,
        DocType::Update,
        DocType::SyncDone,
        DocType::AuthMessage,
    ];

    /// The sub-type byte.
    pub const fn as_byte(self) -> u8 {
        match self {
            DocType::SyncStep1 => 0,
            DocType::SyncStep2 => 1,
            DocType::Update => 2,
            DocType::SyncDone => 3,
            DocType::AuthMessage => 4,
        }
    }

    /// The JSON form's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            DocType::SyncStep1 => "sync-step-1",
            DocType::SyncStep2 => "sync-step-2",
            DocType::Update => "update",
            DocType::SyncDone => "sync-done",
            DocType::AuthMessage => "auth-message",
        }
    }

    /// The access class: reads, writes, and the server's verdict.
    pub const fn access(self) -> Access {
        match self {
            DocType::SyncStep1 | DocType::SyncDone => Access::Read,
            DocType::SyncStep2 | DocType::Update => Access::Write,
            DocType::AuthMessage => Access::ServerToClient,
        }
    }

    pub(crate) fn parse(input: &[u8]) -> PResult<'_, DocType> {
        match input.split_first() {
            Some((&byte, rest)) => match DocType::ALL.into_iter().find(|t| t.as_byte() == byte) {
                Some(doc_type) => Ok((rest, doc_type)),
                None => fail(ErrorKind::UnknownMessageType, input, SUB_TYPE),
            },
            None => fail(ErrorKind::Truncated, input, SUB_TYPE),
        }
    }
}

/// The Y.js update encoding of an update's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UpdateVersion {
    /// 1: Y.js update format v1.
    V1,
    /// 2: Y.js update format v2.
    V2,
}

impl UpdateVersion {
    /// The version byte.
    pub const fn as_byte(self) -> u8 {
        match self {
            UpdateVersion::V1 => 1,
            UpdateVersion::V2 => 2,
        }
    }
}

/// An auth message's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Permission {
    /// 0: `denied`.
    Denied,
    /// 1: `allowed`.
    Allowed,
}

impl Permission {
    /// The JSON form's word.
    pub const fn as_str(self) -> &'static str {
        match self {
            Permission::Denied => "denied",
            Permission::Allowed => "allowed",
        }
    }
}

/// An update with its format version (sync-step-2 and update).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Update<S: Storage> {
    /// The Y.js update format.
    pub version: UpdateVersion,
    /// The update bytes (in practice teleportal's content envelope).
    pub data: S::Bytes,
}

/// A doc message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DocMessage<S: Storage> {
    /// The sender's state vector.
    SyncStep1 {
        /// The state vector bytes.
        state_vector: S::Bytes,
    },
    /// The update answering a sync-step-1.
    SyncStep2 {
        /// The update.
        update: Update<S>,
    },
    /// A document update.
    Update {
        /// The update.
        update: Update<S>,
    },
    /// Sync finished.
    SyncDone,
    /// The server's verdict on the peer's access.
    AuthMessage {
        /// Allowed or denied.
        permission: Permission,
        /// Why.
        reason: S::Str,
    },
}

impl<S: Storage> DocMessage<S> {
    /// The sub-type.
    pub fn doc_type(&self) -> DocType {
        match self {
            DocMessage::SyncStep1 { .. } => DocType::SyncStep1,
            DocMessage::SyncStep2 { .. } => DocType::SyncStep2,
            DocMessage::Update { .. } => DocType::Update,
            DocMessage::SyncDone => DocType::SyncDone,
            DocMessage::AuthMessage { .. } => DocType::AuthMessage,
        }
    }

    /// Parse the body after the type byte.
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        let (rest, doc_type) = DocType::parse(input)?;
        match doc_type {
            DocType::SyncStep1 => {
                let (rest, state_vector) =
                    crate::snapshot::parse::payload(cx, rest, "the state vector")?;
                Ok((rest, DocMessage::SyncStep1 { state_vector }))
            }
            DocType::SyncStep2 => {
                let (rest, update) = parse_update(cx, rest)?;
                Ok((rest, DocMessage::SyncStep2 { update }))
            }
            DocType::Update => {
                let (rest, update) = parse_update(cx, rest)?;
                Ok((rest, DocMessage::Update { update }))
            }
            DocType::SyncDone => Ok((rest, DocMessage::SyncDone)),
            DocType::AuthMessage => {
                let (rest, byte) =
                    small_field(rest, 2, ErrorKind::InvalidValue, "the permission byte")?;
                let permission = if byte == 0 {
                    Permission::Denied
                } else {
                    Permission::Allowed
                };
                let (rest, reason) = crate::snapshot::parse::string(cx, rest, "the auth reason")?;
                Ok((rest, DocMessage::AuthMessage { permission, reason }))
            }
        }
    }

    /// Write the body after the type byte.
    pub(crate) fn write<W: FrameSink>(&self, out: &mut W) {
        out.put_u8(self.doc_type().as_byte());
        match self {
            DocMessage::SyncStep1 { state_vector } => {
                out.put_var_uint(u64::try_from(state_vector.len()).unwrap_or(u64::MAX));
                out.put_data::<S>(state_vector);
            }
            DocMessage::SyncStep2 { update } | DocMessage::Update { update } => {
                out.put_u8(update.version.as_byte());
                out.put_var_uint(u64::try_from(update.data.len()).unwrap_or(u64::MAX));
                out.put_data::<S>(&update.data);
            }
            DocMessage::SyncDone => {}
            DocMessage::AuthMessage { permission, reason } => {
                out.put_u8(match permission {
                    Permission::Denied => 0,
                    Permission::Allowed => 1,
                });
                out.put_var_bytes(reason.as_bytes());
            }
        }
    }
}

fn parse_update<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Update<X::Storage>> {
    let (rest, version) = match input.split_first() {
        Some((&1, rest)) => (rest, UpdateVersion::V1),
        Some((&2, rest)) => (rest, UpdateVersion::V2),
        Some(_) => return fail(ErrorKind::InvalidValue, input, "the update version"),
        None => return fail(ErrorKind::Truncated, input, "the update version"),
    };
    let (rest, data) = crate::snapshot::parse::payload(cx, rest, "the update")?;
    Ok((rest, Update { version, data }))
}

#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::*;
    use crate::snapshot::json_form::hex;
    use bytes::Bytes;
    use serde::{ser::SerializeMap, Deserialize, Serialize, Serializer};

    impl<S: Storage> Serialize for DocMessage<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", self.doc_type().as_str())?;
            match self {
                DocMessage::SyncStep1 { state_vector } => {
                    map.serialize_entry("sv", &format_args!("{}", hex::Hex(state_vector)))?;
                }
                DocMessage::SyncStep2 { update } | DocMessage::Update { update } => {
                    map.serialize_entry("update", &UpdateJson(update))?;
                }
                DocMessage::SyncDone => {}
                DocMessage::AuthMessage { permission, reason } => {
                    map.serialize_entry("permission", permission.as_str())?;
                    map.serialize_entry("reason", &**reason)?;
                }
            }
            map.end()
        }
    }

    struct UpdateJson<'u, S: Storage>(&'u Update<S>);

    impl<S: Storage> Serialize for UpdateJson<'_, S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(Some(2))?;
            map.serialize_entry("version", &self.0.version.as_byte())?;
            map.serialize_entry("data", &format_args!("{}", hex::Hex(&self.0.data)))?;
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct UpdateIn {
        version: u8,
        #[serde(with = "hex")]
        data: Bytes,
    }

    #[derive(Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
    pub(crate) enum DocIn {
        #[serde(rename = "sync-step-1")]
        SyncStep1 {
            #[serde(with = "hex")]
            sv: Bytes,
        },
        #[serde(rename = "sync-step-2")]
        SyncStep2 {
            update: UpdateIn,
        },
        Update {
            update: UpdateIn,
        },
        SyncDone {},
        AuthMessage {
            permission: PermissionIn,
            reason: alloc::string::String,
        },
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "kebab-case")]
    pub(crate) enum PermissionIn {
        Denied,
        Allowed,
    }

    fn update(input: UpdateIn) -> Result<Update<crate::snapshot::Shared>, &'static str> {
        let version = match input.version {
            1 => UpdateVersion::V1,
            2 => UpdateVersion::V2,
            _ => return Err("update version must be 1 or 2"),
        };
        Ok(Update {
            version,
            data: input.data,
        })
    }

    impl DocIn {
        pub(crate) fn into_message(
            self,
        ) -> Result<DocMessage<crate::snapshot::Shared>, &'static str> {
            Ok(match self {
                DocIn::SyncStep1 { sv } => DocMessage::SyncStep1 { state_vector: sv },
                DocIn::SyncStep2 { update: u } => DocMessage::SyncStep2 { update: update(u)? },
                DocIn::Update { update: u } => DocMessage::Update { update: update(u)? },
                DocIn::SyncDone {} => DocMessage::SyncDone,
                DocIn::AuthMessage { permission, reason } => DocMessage::AuthMessage {
                    permission: match permission {
                        PermissionIn::Denied => Permission::Denied,
                        PermissionIn::Allowed => Permission::Allowed,
                    },
                    reason: reason.into(),
                },
            })
        }
    }
}
