//! Presence messages (type 3): who is in a document session (always cleartext).
//!
//! ```text
//! header (encrypted 0, type 03) | u8 sub-type | …
//! 00 presence-announce   | varUint awarenessId
//! 01 presence-join       | CLIENT
//! 02 presence-leave      | CLIENT
//! 03 presence-heartbeat  | varUint n | n × CLIENT
//! 04 presence-unannounce | varUint awarenessId
//!
//! CLIENT = varUint awarenessId | varString clientId | varString userId | any data (an object)
//! ```
//!
//! | sub-type | access | JSON payload |
//! |---|---|---|
//! | presence-announce, presence-unannounce | awareness | `{"type": …, "awarenessId": N}` |
//! | presence-join, presence-leave | server-to-client | `{"type": …, "awarenessId": N, "clientId": S, "userId": S, "data": ANY}` |
//! | presence-heartbeat | server-to-client | `{"type": "presence-heartbeat", "clients": [CLIENT, …]}` |
//!
//! `data` must be an object (teleportal's decoder throws otherwise; `invalid-value` at its
//! tag). The heartbeat count is held to `max_list_entries` and to the bytes left (a client
//! takes at least 4 bytes) before any client is read; clients are read lazily.

use super::{header::Head, sink::FrameSink, Access};
use crate::{
    lib0::any::{EncodedAny, TAG_OBJECT},
    lib0::Sink,
    snapshot::list::List,
    snapshot::parse::{fail, Cx, Element, PResult, Source},
    snapshot::storage::{BorrowedSource, Storage},
    ErrorKind, Limits, U53,
};

const SUB_TYPE: &str = "the presence sub-type";

/// The sub-type of a presence message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PresenceType {
    /// 0: `presence-announce`.
    Announce,
    /// 1: `presence-join`.
    Join,
    /// 2: `presence-leave`.
    Leave,
    /// 3: `presence-heartbeat`.
    Heartbeat,
    /// 4: `presence-unannounce`.
    Unannounce,
}

impl PresenceType {
    /// Every sub-type, in wire order.
    pub const ALL: [PresenceType; 5] = [
        PresenceType::Announce,
        PresenceType::Join,
        PresenceType::Leave,
        PresenceType::Heartbeat,
        PresenceType::Unannounce,
    ];

    /// The sub-type byte.
    pub const fn as_byte(self) -> u8 {
        match self {
            PresenceType::Announce => 0,
            PresenceType::Join => 1,
            PresenceType::Leave => 2,
            PresenceType::Heartbeat => 3,
            PresenceType::Unannounce => 4,
        }
    }

    /// The JSON form's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            PresenceType::Announce => "presence-announce",
            PresenceType::Join => "presence-join",
            PresenceType::Leave => "presence-leave",
            PresenceType::Heartbeat => "presence-heartbeat",
            PresenceType::Unannounce => "presence-unannounce",
        }
    }

    /// The access class: a client announces itself; the server tells who joined or left.
    pub const fn access(self) -> Access {
        match self {
            PresenceType::Announce | PresenceType::Unannounce => Access::Awareness,
            PresenceType::Join | PresenceType::Leave | PresenceType::Heartbeat => {
                Access::ServerToClient
            }
        }
    }

    pub(crate) fn parse(input: &[u8]) -> PResult<'_, PresenceType> {
        match input.split_first() {
            Some((&byte, rest)) => {
                match PresenceType::ALL.into_iter().find(|t| t.as_byte() == byte) {
                    Some(kind) => Ok((rest, kind)),
                    None => fail(ErrorKind::UnknownMessageType, input, SUB_TYPE),
                }
            }
            None => fail(ErrorKind::Truncated, input, SUB_TYPE),
        }
    }
}

/// A presence message's encrypted byte must be 0.
pub(crate) fn check_head<'i, X: Source<'i>>(head: &Head<'i, X>) -> PResult<'i, ()> {
    if head.encrypted {
        return fail(
            ErrorKind::InvalidValue,
            head.encrypted_at,
            "a presence message's encrypted byte",
        );
    }
    Ok((head.encrypted_at, ()))
}

/// One client of a session: join, leave and heartbeat entries.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PresenceClient<S: Storage> {
    /// The client's awareness client id.
    pub awareness_id: U53,
    /// Teleportal's client id.
    pub client_id: S::Str,
    /// The user id.
    pub user_id: S::Str,
    /// Presence data: always an object.
    pub data: EncodedAny<S>,
}

/// The clients of a heartbeat, read lazily.
pub type PresenceClients<S> = List<S, PresenceClient<S>>;

/// Where a client's presence data comes from: input to validate, or the validated bytes of a
/// heartbeat's client list being iterated.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Data {
    Unchecked,
    Validated,
}

/// The presence data's tag must be an object's (before the value is read).
fn check_data_tag(input: &[u8]) -> PResult<'_, ()> {
    match input.first() {
        Some(&TAG_OBJECT) => Ok((input, ())),
        Some(_) => fail(ErrorKind::InvalidValue, input, "the presence data"),
        None => fail(ErrorKind::Truncated, input, "the presence data"),
    }
}

impl<S: Storage> PresenceClient<S> {
    /// Read one client; its data is validated unless it comes from a validated list.
    fn read<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
        data: Data,
    ) -> PResult<'i, Self> {
        let (rest, awareness_id) = crate::lib0::var_uint::parse_u53(input, "the awarenessId")?;
        let (rest, client_id) = crate::snapshot::parse::string(cx, rest, "the clientId")?;
        let (rest, user_id) = crate::snapshot::parse::string(cx, rest, "the userId")?;
        let (rest, ()) = check_data_tag(rest)?;
        let (rest, data) = match data {
            Data::Unchecked => {
                let (rest, (data, _)) = EncodedAny::parse(cx, rest)?;
                (rest, data)
            }
            Data::Validated => match EncodedAny::reread(cx, rest) {
                Some(read) => read,
                None => return fail(ErrorKind::InvalidValue, rest, "the presence data"),
            },
        };
        Ok((
            rest,
            PresenceClient {
                awareness_id,
                client_id,
                user_id,
                data,
            },
        ))
    }
}

impl<S: Storage> Element<S> for PresenceClient<S> {
    const MIN_WIRE_LEN: usize = 4;
    const NAME: &'static str = "the heartbeat client count";

    /// The re-read of a client of a validated heartbeat list (the list's iteration): the
    /// strings are made again, the data is stepped over, not validated again.
    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self> {
        Self::read(cx, input, Data::Validated)
    }

    /// The validating pass: the same rules, order and faults as a join's client, making
    /// nothing (strings checked as UTF-8 without making a `&str`).
    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()> {
        let (rest, _) = crate::lib0::var_uint::parse_u53(input, "the awarenessId")?;
        let (rest, ()) = crate::snapshot::parse::check_string(limits, rest, "the clientId")?;
        let (rest, ()) = crate::snapshot::parse::check_string(limits, rest, "the userId")?;
        let (rest, ()) = check_data_tag(rest)?;
        let cx = Cx::new(BorrowedSource, limits, false);
        let (rest, _) = EncodedAny::<crate::snapshot::Borrowed<'i>>::parse(&cx, rest)?;
        Ok((rest, ()))
    }

    fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_uint(self.awareness_id.get());
        out.put_var_bytes(self.client_id.as_bytes());
        out.put_var_bytes(self.user_id.as_bytes());
        out.put_slice(self.data.as_bytes());
    }
}

/// A presence message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PresenceMessage<S: Storage> {
    /// A client announces its awareness id.
    Announce {
        /// The awareness client id.
        awareness_id: U53,
    },
    /// A client joined.
    Join(PresenceClient<S>),
    /// A client left.
    Leave(PresenceClient<S>),
    /// Every client still present.
    Heartbeat {
        /// The clients.
        clients: PresenceClients<S>,
    },
    /// A client withdraws its awareness id.
    Unannounce {
        /// The awareness client id.
        awareness_id: U53,
    },
}

impl<S: Storage> PresenceMessage<S> {
    /// The sub-type.
    pub fn presence_type(&self) -> PresenceType {
        match self {
            PresenceMessage::Announce { .. } => PresenceType::Announce,
            PresenceMessage::Join(_) => PresenceType::Join,
            PresenceMessage::Leave(_) => PresenceType::Leave,
            PresenceMessage::Heartbeat { .. } => PresenceType::Heartbeat,
            PresenceMessage::Unannounce { .. } => PresenceType::Unannounce,
        }
    }

    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        let (rest, kind) = PresenceType::parse(input)?;
        match kind {
            PresenceType::Announce | PresenceType::Unannounce => {
                let (rest, awareness_id) =
                    crate::lib0::var_uint::parse_u53(rest, "the awarenessId")?;
                Ok((
                    rest,
                    if kind == PresenceType::Announce {
                        PresenceMessage::Announce { awareness_id }
                    } else {
                        PresenceMessage::Unannounce { awareness_id }
                    },
                ))
            }
            PresenceType::Join | PresenceType::Leave => {
                let (rest, client) = PresenceClient::read(cx, rest, Data::Unchecked)?;
                Ok((
                    rest,
                    if kind == PresenceType::Join {
                        PresenceMessage::Join(client)
                    } else {
                        PresenceMessage::Leave(client)
                    },
                ))
            }
            PresenceType::Heartbeat => {
                let (rest, clients) = List::parse(cx, rest, PresenceClient::<S>::NAME)?;
                Ok((rest, PresenceMessage::Heartbeat { clients }))
            }
        }
    }

    pub(crate) fn write<W: FrameSink>(&self, out: &mut W) {
        out.put_u8(self.presence_type().as_byte());
        match self {
            PresenceMessage::Announce { awareness_id }
            | PresenceMessage::Unannounce { awareness_id } => out.put_var_uint(awareness_id.get()),
            PresenceMessage::Join(client) | PresenceMessage::Leave(client) => client.write(out),
            PresenceMessage::Heartbeat { clients } => clients.write(out),
        }
    }
}

#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::*;
    use crate::{lib0::any::AnyValue, snapshot::Shared};
    use alloc::{string::String, vec::Vec};
    use serde::{ser::SerializeMap, Deserialize, Serialize, Serializer};

    fn client_entries<M: SerializeMap, S: Storage>(
        map: &mut M,
        client: &PresenceClient<S>,
    ) -> Result<(), M::Error> {
        map.serialize_entry("awarenessId", &client.awareness_id)?;
        map.serialize_entry("clientId", &*client.client_id)?;
        map.serialize_entry("userId", &*client.user_id)?;
        map.serialize_entry("data", &client.data)
    }

    impl<S: Storage> Serialize for PresenceClient<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(Some(4))?;
            client_entries(&mut map, self)?;
            map.end()
        }
    }

    impl<S: Storage> Serialize for PresenceMessage<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(None)?;
            map.serialize_entry("type", self.presence_type().as_str())?;
            match self {
                PresenceMessage::Announce { awareness_id }
                | PresenceMessage::Unannounce { awareness_id } => {
                    map.serialize_entry("awarenessId", awareness_id)?;
                }
                PresenceMessage::Join(client) | PresenceMessage::Leave(client) => {
                    client_entries(&mut map, client)?;
                }
                PresenceMessage::Heartbeat { clients } => {
                    let all: Vec<PresenceClient<S>> = clients.iter().collect();
                    map.serialize_entry("clients", &all)?;
                }
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(crate) struct ClientIn {
        #[serde(rename = "awarenessId")]
        awareness_id: U53,
        #[serde(rename = "clientId")]
        client_id: String,
        #[serde(rename = "userId")]
        user_id: String,
        data: AnyValue,
    }

    #[derive(Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
    #[allow(clippy::enum_variant_names)] // the variant names are the JSON form's words
    pub(crate) enum PresenceIn {
        PresenceAnnounce {
            #[serde(rename = "awarenessId")]
            awareness_id: U53,
        },
        PresenceJoin(ClientIn),
        PresenceLeave(ClientIn),
        PresenceHeartbeat {
            clients: Vec<ClientIn>,
        },
        PresenceUnannounce {
            #[serde(rename = "awarenessId")]
            awareness_id: U53,
        },
    }

    fn client(input: ClientIn) -> Result<PresenceClient<Shared>, &'static str> {
        if !matches!(input.data, AnyValue::Object(_)) {
            return Err("presence data must be an object");
        }
        let data = EncodedAny::from_value(&input.data);
        let data = EncodedAny::from_bytes(data.raw().clone(), &Limits::DEFAULT)
            .map_err(|_| "presence data is not a canonical any value")?;
        Ok(PresenceClient {
            awareness_id: input.awareness_id,
            client_id: input.client_id.into(),
            user_id: input.user_id.into(),
            data,
        })
    }

    impl PresenceIn {
        pub(crate) fn into_message(self) -> Result<PresenceMessage<Shared>, &'static str> {
            Ok(match self {
                PresenceIn::PresenceAnnounce { awareness_id } => {
                    PresenceMessage::Announce { awareness_id }
                }
                PresenceIn::PresenceUnannounce { awareness_id } => {
                    PresenceMessage::Unannounce { awareness_id }
                }
                PresenceIn::PresenceJoin(c) => PresenceMessage::Join(client(c)?),
                PresenceIn::PresenceLeave(c) => PresenceMessage::Leave(client(c)?),
                PresenceIn::PresenceHeartbeat { clients } => PresenceMessage::Heartbeat {
                    clients: clients
                        .into_iter()
                        .map(client)
                        .collect::<Result<Vec<_>, _>>()?
                        .into(),
                },
            })
        }
    }
}
