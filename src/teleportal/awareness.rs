//! Awareness messages (type 1): y-protocols awareness updates and the request for them.
//!
//! ```text
//! header (type 01) | u8 sub-type | …
//! 00 awareness-update  | varUint8Array update
//! 01 awareness-request |
//! ```
//!
//! | sub-type | access | JSON payload |
//! |---|---|---|
//! | awareness-update | awareness | `{"type": "awareness-update", "update": HEX}` |
//! | awareness-request | awareness | `{"type": "awareness-request"}` |

use super::{sink::FrameSink, Access};
use crate::{
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind,
};

const SUB_TYPE: &str = "the awareness sub-type";

/// The sub-type of an awareness message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AwarenessType {
    /// 0: `awareness-update`.
    Update,
    /// 1: `awareness-request`.
    Request,
}

impl AwarenessType {
    /// The sub-type byte.
    pub const fn as_byte(self) -> u8 {
        match self {
            AwarenessType::Update => 0,
            AwarenessType::Request => 1,
        }
    }

    /// The JSON form's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            AwarenessType::Update => "awareness-update",
            AwarenessType::Request => "awareness-request",
        }
    }

    /// The access class: both are awareness.
    pub const fn access(self) -> Access {
        match self {
            AwarenessType::Update | AwarenessType::Request => Access::Awareness,
        }
    }

    pub(crate) fn parse(input: &[u8]) -> PResult<'_, AwarenessType> {
        match input.split_first() {
            Some((&0, rest)) => Ok((rest, AwarenessType::Update)),
            Some((&1, rest)) => Ok((rest, AwarenessType::Request)),
            Some(_) => fail(ErrorKind::UnknownMessageType, input, SUB_TYPE),
            None => fail(ErrorKind::Truncated, input, SUB_TYPE),
        }
    }
}

/// An awareness message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum AwarenessMessage<S: Storage> {
    /// A y-protocols awareness update.
    Update {
        /// The update bytes.
        update: S::Bytes,
    },
    /// A request for the peers' awareness states.
    Request,
}

impl<S: Storage> AwarenessMessage<S> {
    /// The sub-type.
    pub fn awareness_type(&self) -> AwarenessType {
        match self {
            AwarenessMessage::Update { .. } => AwarenessType::Update,
            AwarenessMessage::Request => AwarenessType::Request,
        }
    }

    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        match AwarenessType::parse(input)? {
            (rest, AwarenessType::Update) => {
                let (rest, update) =
                    crate::snapshot::parse::payload(cx, rest, "the awareness update")?;
                Ok((rest, AwarenessMessage::Update { update }))
            }
            (rest, AwarenessType::Request) => Ok((rest, AwarenessMessage::Request)),
        }
    }

    pub(crate) fn write<W: FrameSink>(&self, out: &mut W) {
        out.put_u8(self.awareness_type().as_byte());
        if let AwarenessMessage::Update { update } = self {
            out.put_var_uint(u64::try_from(update.len()).unwrap_or(u64::MAX));
            out.put_data::<S>(update);
        }
    }
}

#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::*;
    use crate::snapshot::json_form::hex;
    use bytes::Bytes;
    use serde::{ser::SerializeMap, Deserialize, Serialize, Serializer};

    impl<S: Storage> Serialize for AwarenessMessage<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", self.awareness_type().as_str())?;
            if let AwarenessMessage::Update { update } = self {
                map.serialize_entry("update", &format_args!("{}", hex::Hex(update)))?;
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
    pub(crate) enum AwarenessIn {
        AwarenessUpdate {
            #[serde(with = "hex")]
            update: Bytes,
        },
        AwarenessRequest {},
    }

    impl AwarenessIn {
        pub(crate) fn into_message(self) -> AwarenessMessage<crate::snapshot::Shared> {
            match self {
                AwarenessIn::AwarenessUpdate { update } => AwarenessMessage::Update { update },
                AwarenessIn::AwarenessRequest {} => AwarenessMessage::Request,
            }
        }
    }
}
