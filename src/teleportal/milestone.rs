//! Typed milestone RPC (teleportal's `protocols/milestone`): the six methods' requests as
//! teleportal's client writes them, borrowed views of their responses and error responses,
//! and the matcher from a response or ack to the request it answers.
//!
//! ```text
//! milestoneCreate      {method, name?, snapshot}            -> {milestone: MilestoneMeta}
//! milestoneList        {method, snapshotIds, includeDeleted} -> {milestones: MilestoneMetaFull[]}
//! milestoneGet         {method, milestoneId}                 -> {milestoneId, snapshot}
//! milestoneUpdateName  {method, milestoneId, name}           -> {milestone: MilestoneMeta}
//! milestoneDelete      {method, milestoneId}                 -> {milestoneId}
//! milestoneRestore     {method, milestoneId}                 -> {milestone: MilestoneMetaFull}
//! errors: 400 / 404 / 500 / 501 {statusCode, details, payload?}
//! ```
//!
//! A request is an RPC `request` frame whose success payload is the object `{method,
//! ...fields}` (`method` first, as `rpc-client.ts` builds it); `create` without a name writes
//! `name: undefined` (tag 127), as teleportal's client does. Responses are read without
//! allocating: [`read_response`] borrows every string and byte array from the frame.
//!
//! ```
//! use yjs_wire::teleportal::{self, milestone::{self, Milestone}};
//!
//! let request = milestone::get_request("doc-1", "m-1").to_vec();
//! let id = teleportal::message_id(&request);
//! // The server answers it (here, built by this module as a server would).
//! let reply = milestone::delete_response("doc-1", id, "m-1").to_vec();
//! let frame = teleportal::decode(&reply)?;
//! assert_eq!(milestone::answer_to(&frame).map(|a| a.request), Some(id));
//! let Ok(response) = milestone::read_response(&frame) else { unreachable!() };
//! assert!(matches!(response.reply, Ok(Milestone::Deleted { milestone_id: "m-1" })));
//! # Ok::<(), yjs_wire::Error>(())
//! ```

use alloc::vec::Vec;
use bytes::Bytes;
use bytestring::ByteString;
use core::fmt;

use super::{Frame, MessageId, RpcKind, RpcMessage, RpcResult};
use crate::{
    lib0::any::{self, Any, AnyArray, AnyMap, AnyObject, AnyValue, EncodedAny},
    snapshot::{Borrowed, Shared},
    Limits, U53,
};

/// The six milestone methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `milestoneList`.
    List,
    /// `milestoneGet`.
    Get,
    /// `milestoneCreate`.
    Create,
    /// `milestoneUpdateName`.
    UpdateName,
    /// `milestoneDelete`.
    Delete,
    /// `milestoneRestore`.
    Restore,
}

impl Method {
    /// Every method.
    pub const ALL: [Method; 6] = [
        Method::List,
        Method::Get,
        Method::Create,
        Method::UpdateName,
        Method::Delete,
        Method::Restore,
    ];

    /// The wire name (`milestoneList`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::List => "milestoneList",
            Method::Get => "milestoneGet",
            Method::Create => "milestoneCreate",
            Method::UpdateName => "milestoneUpdateName",
            Method::Delete => "milestoneDelete",
            Method::Restore => "milestoneRestore",
        }
    }

    /// The method of a wire name.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.into_iter().find(|m| m.as_str() == name)
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

// ---------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------

fn rpc_frame(
    document: &str,
    method: &str,
    kind: RpcKind<Shared>,
    result: RpcResult<Shared>,
) -> Frame<Shared> {
    Frame::Rpc {
        document: ByteString::from(document),
        encrypted: false,
        message: RpcMessage {
            method: ByteString::from(method),
            kind,
            result,
        },
    }
}

fn request(document: &str, method: Method, fields: AnyMap) -> Frame<Shared> {
    let mut payload = AnyMap::new();
    payload.insert("method", AnyValue::from(method.as_str()));
    for (key, value) in fields.iter() {
        payload.insert(key, value.clone());
    }
    rpc_frame(
        document,
        method.as_str(),
        RpcKind::Request,
        RpcResult::Success {
            payload: EncodedAny::from_value(&AnyValue::Object(payload)),
        },
    )
}

fn one(key: &str, value: AnyValue) -> AnyMap {
    let mut map = AnyMap::new();
    map.insert(key, value);
    map
}

/// `milestoneCreate {name, snapshot}`; `None` writes `name: undefined` (teleportal's client
/// with no name; the server then names it).
///
/// ```
/// let frame = yjs_wire::teleportal::milestone::create_request("d", None, &[0, 0]);
/// assert!(frame.to_vec().windows(6).any(|w| w == b"name\x7f\x08"));
/// ```
pub fn create_request(document: &str, name: Option<&str>, snapshot: &[u8]) -> Frame<Shared> {
    let mut fields = AnyMap::new();
    fields.insert("name", name.map_or(AnyValue::Undefined, AnyValue::from));
    fields.insert(
        "snapshot",
        AnyValue::Bytes(Bytes::copy_from_slice(snapshot)),
    );
    request(document, Method::Create, fields)
}

/// `milestoneList {snapshotIds, includeDeleted}`, both written as teleportal's client does
/// (an empty list and `false` when not asked for).
pub fn list_request(document: &str, snapshot_ids: &[&str], include_deleted: bool) -> Frame<Shared> {
    let ids = snapshot_ids.iter().map(|id| AnyValue::from(*id)).collect();
    let mut fields = AnyMap::new();
    fields.insert("snapshotIds", AnyValue::Array(ids));
    fields.insert("includeDeleted", AnyValue::Bool(include_deleted));
    request(document, Method::List, fields)
}

/// `milestoneGet {milestoneId}`.
pub fn get_request(document: &str, milestone_id: &str) -> Frame<Shared> {
    request(
        document,
        Method::Get,
        one("milestoneId", AnyValue::from(milestone_id)),
    )
}

/// `milestoneUpdateName {milestoneId, name}`.
pub fn update_name_request(document: &str, milestone_id: &str, name: &str) -> Frame<Shared> {
    let mut fields = one("milestoneId", AnyValue::from(milestone_id));
    fields.insert("name", AnyValue::from(name));
    request(document, Method::UpdateName, fields)
}

/// `milestoneDelete {milestoneId}` (a soft delete).
pub fn delete_request(document: &str, milestone_id: &str) -> Frame<Shared> {
    request(
        document,
        Method::Delete,
        one("milestoneId", AnyValue::from(milestone_id)),
    )
}

/// `milestoneRestore {milestoneId}` (undoes a soft delete).
pub fn restore_request(document: &str, milestone_id: &str) -> Frame<Shared> {
    request(
        document,
        Method::Restore,
        one("milestoneId", AnyValue::from(milestone_id)),
    )
}

// ---------------------------------------------------------------------------------------
// Responses, as a server writes them
// ---------------------------------------------------------------------------------------

/// Who created a milestone: `{type: "user" | "system", id}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CreatedBy<'a> {
    /// `"user"` or `"system"`.
    pub kind: &'a str,
    /// The user id (or `"system"`, `"auto"`).
    pub id: &'a str,
}

/// A milestone's metadata (`MilestoneMeta`, and `MilestoneMetaFull` when `full`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MilestoneMeta<'a> {
    /// The milestone id.
    pub id: &'a str,
    /// Its name.
    pub name: &'a str,
    /// The document it belongs to.
    pub document_id: &'a str,
    /// Creation time, milliseconds since the epoch.
    pub created_at: f64,
    /// Who created it.
    pub created_by: CreatedBy<'a>,
    /// When it was soft-deleted (full meta only; `undefined` is `None`).
    pub deleted_at: Option<f64>,
    /// `"active"`, `"deleted"`, `"archived"` or `"expired"` (full meta only).
    pub lifecycle_state: Option<&'a str>,
    /// When it expires (full meta only).
    pub expires_at: Option<f64>,
}

impl MilestoneMeta<'_> {
    /// The `any` object a server writes: `MilestoneMeta` members, plus `deletedAt`,
    /// `lifecycleState`, `expiresAt` (as `undefined` when `None`) when `full`, in the
    /// order teleportal's handlers write them.
    pub fn to_value(&self, full: bool) -> AnyValue {
        let opt_num = |v: Option<f64>| v.map_or(AnyValue::Undefined, AnyValue::Number);
        let mut map = AnyMap::new();
        map.insert("id", AnyValue::from(self.id));
        map.insert("name", AnyValue::from(self.name));
        map.insert("documentId", AnyValue::from(self.document_id));
        map.insert("createdAt", AnyValue::Number(self.created_at));
        if full {
            map.insert("deletedAt", opt_num(self.deleted_at));
            map.insert(
                "lifecycleState",
                self.lifecycle_state
                    .map_or(AnyValue::Undefined, AnyValue::from),
            );
            map.insert("expiresAt", opt_num(self.expires_at));
        }
        let mut by = AnyMap::new();
        by.insert("type", AnyValue::from(self.created_by.kind));
        by.insert("id", AnyValue::from(self.created_by.id));
        map.insert("createdBy", AnyValue::Object(by));
        AnyValue::Object(map)
    }
}

fn hex_id(id: MessageId) -> ByteString {
    let hex = id.to_hex();
    ByteString::from(core::str::from_utf8(&hex).unwrap_or_default())
}

/// A success response to request `request` (by its message id) with `payload`.
pub fn success_response(
    document: &str,
    method: &str,
    request: MessageId,
    payload: &AnyValue,
) -> Frame<Shared> {
    rpc_frame(
        document,
        method,
        RpcKind::Response {
            original_request_id: hex_id(request),
        },
        RpcResult::Success {
            payload: EncodedAny::from_value(payload),
        },
    )
}

/// An error response (`400`, `404`, `500`, `501`, …) with `details` and an optional payload
/// (`null`/`undefined` are written as no payload, as teleportal does).
pub fn error_response(
    document: &str,
    method: &str,
    request: MessageId,
    status_code: u16,
    details: &str,
    payload: Option<&AnyValue>,
) -> Frame<Shared> {
    let payload = payload
        .filter(|p| !matches!(p, AnyValue::Null | AnyValue::Undefined))
        .map(EncodedAny::from_value);
    rpc_frame(
        document,
        method,
        RpcKind::Response {
            original_request_id: hex_id(request),
        },
        RpcResult::Error {
            status_code: U53::from(status_code),
            details: ByteString::from(details),
            payload,
        },
    )
}

/// The response to `milestoneCreate` (`{milestone: MilestoneMeta}`).
pub fn create_response(
    document: &str,
    request: MessageId,
    meta: &MilestoneMeta<'_>,
) -> Frame<Shared> {
    let payload = AnyValue::Object(one("milestone", meta.to_value(false)));
    success_response(document, Method::Create.as_str(), request, &payload)
}

/// The response to `milestoneUpdateName` (`{milestone: MilestoneMeta}`).
pub fn update_name_response(
    document: &str,
    request: MessageId,
    meta: &MilestoneMeta<'_>,
) -> Frame<Shared> {
    let payload = AnyValue::Object(one("milestone", meta.to_value(false)));
    success_response(document, Method::UpdateName.as_str(), request, &payload)
}

/// The response to `milestoneRestore` (`{milestone: MilestoneMetaFull}`).
pub fn restore_response(
    document: &str,
    request: MessageId,
    meta: &MilestoneMeta<'_>,
) -> Frame<Shared> {
    let payload = AnyValue::Object(one("milestone", meta.to_value(true)));
    success_response(document, Method::Restore.as_str(), request, &payload)
}

/// The response to `milestoneList` (`{milestones: MilestoneMetaFull[]}`).
pub fn list_response(
    document: &str,
    request: MessageId,
    metas: &[MilestoneMeta<'_>],
) -> Frame<Shared> {
    let list = metas.iter().map(|m| m.to_value(true)).collect::<Vec<_>>();
    let payload = AnyValue::Object(one("milestones", AnyValue::Array(list)));
    success_response(document, Method::List.as_str(), request, &payload)
}

/// The response to `milestoneGet` (`{milestoneId, snapshot}`).
pub fn get_response(
    document: &str,
    request: MessageId,
    milestone_id: &str,
    snapshot: &[u8],
) -> Frame<Shared> {
    let mut map = one("milestoneId", AnyValue::from(milestone_id));
    map.insert(
        "snapshot",
        AnyValue::Bytes(Bytes::copy_from_slice(snapshot)),
    );
    success_response(
        document,
        Method::Get.as_str(),
        request,
        &AnyValue::Object(map),
    )
}

/// The response to `milestoneDelete` (`{milestoneId}`).
pub fn delete_response(document: &str, request: MessageId, milestone_id: &str) -> Frame<Shared> {
    let payload = AnyValue::Object(one("milestoneId", AnyValue::from(milestone_id)));
    success_response(document, Method::Delete.as_str(), request, &payload)
}

// ---------------------------------------------------------------------------------------
// Reading responses (borrowed)
// ---------------------------------------------------------------------------------------

/// Why a frame is not a well-shaped milestone response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShapeError {
    /// Not an RPC response.
    NotAResponse,
    /// The method is not one of the six.
    UnknownMethod,
    /// A member is missing or has the wrong type.
    Member(&'static str),
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeError::NotAResponse => f.write_str("not an RPC response"),
            ShapeError::UnknownMethod => f.write_str("not a milestone method"),
            ShapeError::Member(name) => write!(f, "member `{name}` missing or of the wrong type"),
        }
    }
}

#[cfg(feature = "std")]
impl std::error::Error for ShapeError {}

/// The list of `milestoneList` (validated once; iterating reads it again, no allocation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MilestoneList<'a> {
    items: AnyArray<'a>,
}

impl<'a> MilestoneList<'a> {
    /// The number of milestones.
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
    /// The milestones, in the server's order.
    pub fn iter(&self) -> impl Iterator<Item = MilestoneMeta<'a>> + 'a {
        self.items.iter().filter_map(|item| meta(item).ok())
    }
}

/// A successful milestone response.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Milestone<'a> {
    /// `milestoneList`.
    List(MilestoneList<'a>),
    /// `milestoneGet`.
    Snapshot {
        /// The milestone id.
        milestone_id: &'a str,
        /// The snapshot (a Y.js V2 update for a plaintext document).
        snapshot: &'a [u8],
    },
    /// `milestoneCreate`.
    Created(MilestoneMeta<'a>),
    /// `milestoneUpdateName`.
    Renamed(MilestoneMeta<'a>),
    /// `milestoneDelete`.
    Deleted {
        /// The milestone id.
        milestone_id: &'a str,
    },
    /// `milestoneRestore` (full meta).
    Restored(MilestoneMeta<'a>),
}

/// An error response: status code (`400`, `404`, `500`, `501`, …), details, payload.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RpcFailure<'a> {
    /// The status code.
    pub status_code: u64,
    /// What went wrong.
    pub details: &'a str,
    /// The payload, if any (`{milestoneId}` for 404, `{method}` for 501).
    pub payload: Option<Any<'a>>,
}

impl fmt::Display for RpcFailure<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RPC error ({}): {}", self.status_code, self.details)
    }
}

/// A milestone response frame, read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Response<'a> {
    /// The document.
    pub document: &'a str,
    /// The method name as written (for an error to an unknown method, that name).
    pub method: &'a str,
    /// The message id of the request it answers.
    pub request: MessageId,
    /// The result.
    pub reply: Result<Milestone<'a>, RpcFailure<'a>>,
}

/// The value of an `EncodedAny` borrowed for the frame's lifetime (validated already; the
/// limits only bound what was checked at decode, so here they are the widest).
fn value<'a>(encoded: &EncodedAny<Borrowed<'a>>) -> Any<'a> {
    let raw: &'a [u8] = encoded.raw();
    any::decode_with(raw, &WIDE).unwrap_or(Any::Undefined)
}

const WIDE: Limits = Limits {
    max_frame_bytes: usize::MAX,
    max_name_bytes: usize::MAX,
    max_string_bytes: usize::MAX,
    max_payload_bytes: usize::MAX,
    max_list_entries: usize::MAX,
    max_any_depth: usize::MAX,
    ..Limits::DEFAULT
};

fn object<'a>(value: Any<'a>, name: &'static str) -> Result<AnyObject<'a>, ShapeError> {
    match value {
        Any::Object(o) => Ok(o),
        _ => Err(ShapeError::Member(name)),
    }
}

fn string<'a>(o: &AnyObject<'a>, name: &'static str) -> Result<&'a str, ShapeError> {
    match o.get(name) {
        Some(Any::String(s)) => Ok(s),
        _ => Err(ShapeError::Member(name)),
    }
}

fn number(o: &AnyObject<'_>, name: &'static str) -> Result<f64, ShapeError> {
    match o.get(name) {
        Some(Any::Number(n)) => Ok(n),
        _ => Err(ShapeError::Member(name)),
    }
}

fn optional_number(o: &AnyObject<'_>, name: &'static str) -> Result<Option<f64>, ShapeError> {
    match o.get(name) {
        None | Some(Any::Undefined) | Some(Any::Null) => Ok(None),
        Some(Any::Number(n)) => Ok(Some(n)),
        _ => Err(ShapeError::Member(name)),
    }
}

fn meta(value: Any<'_>) -> Result<MilestoneMeta<'_>, ShapeError> {
    let o = object(value, "milestone")?;
    let by = object(o.get("createdBy").unwrap_or(Any::Undefined), "createdBy")?;
    let lifecycle_state = match o.get("lifecycleState") {
        None | Some(Any::Undefined) | Some(Any::Null) => None,
        Some(Any::String(s)) => Some(s),
        _ => return Err(ShapeError::Member("lifecycleState")),
    };
    Ok(MilestoneMeta {
        id: string(&o, "id")?,
        name: string(&o, "name")?,
        document_id: string(&o, "documentId")?,
        created_at: number(&o, "createdAt")?,
        created_by: CreatedBy {
            kind: string(&by, "type")?,
            id: string(&by, "id")?,
        },
        deleted_at: optional_number(&o, "deletedAt")?,
        lifecycle_state,
        expires_at: optional_number(&o, "expiresAt")?,
    })
}

fn success<'a>(method: Method, payload: Any<'a>) -> Result<Milestone<'a>, ShapeError> {
    let o = object(payload, "payload")?;
    let inner = |name| o.get(name).unwrap_or(Any::Undefined);
    Ok(match method {
        Method::List => {
            let Any::Array(items) = inner("milestones") else {
                return Err(ShapeError::Member("milestones"));
            };
            for item in items.iter() {
                meta(item)?;
            }
            Milestone::List(MilestoneList { items })
        }
        Method::Get => {
            let Any::Bytes(snapshot) = inner("snapshot") else {
                return Err(ShapeError::Member("snapshot"));
            };
            Milestone::Snapshot {
                milestone_id: string(&o, "milestoneId")?,
                snapshot,
            }
        }
        Method::Create => Milestone::Created(meta(inner("milestone"))?),
        Method::UpdateName => Milestone::Renamed(meta(inner("milestone"))?),
        Method::Delete => Milestone::Deleted {
            milestone_id: string(&o, "milestoneId")?,
        },
        Method::Restore => Milestone::Restored(meta(inner("milestone"))?),
    })
}

/// Parse the 16 hex digits of a message id.
///
/// ```
/// use yjs_wire::teleportal::{message_id, milestone::parse_message_id, PING};
///
/// let id = message_id(&PING);
/// assert_eq!(parse_message_id(&id.to_string()), Some(id));
/// assert_eq!(parse_message_id("xyz"), None);
/// ```
pub fn parse_message_id(hex: &str) -> Option<MessageId> {
    if hex.len() != 16 || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        return None;
    }
    let high = u32::from_str_radix(hex.get(..8)?, 16).ok()?;
    let low = u32::from_str_radix(hex.get(8..)?, 16).ok()?;
    Some(MessageId([high, low]))
}

/// Read a milestone response (success or error) without allocating. An error response to
/// any method (501 for an unknown one) is read too; a success of an unknown method is
/// [`ShapeError::UnknownMethod`].
pub fn read_response<'a>(frame: &Frame<Borrowed<'a>>) -> Result<Response<'a>, ShapeError> {
    let Frame::Rpc {
        document,
        message:
            RpcMessage {
                method,
                kind: RpcKind::Response {
                    original_request_id,
                },
                result,
            },
        ..
    } = frame
    else {
        return Err(ShapeError::NotAResponse);
    };
    let (document, method, original): (&'a str, &'a str, &'a str) =
        (*document, *method, *original_request_id);
    let request = parse_message_id(original).ok_or(ShapeError::Member("originalRequestId"))?;
    let reply = match result {
        RpcResult::Success { payload } => {
            let known = Method::from_name(method).ok_or(ShapeError::UnknownMethod)?;
            Ok(success(known, value(payload))?)
        }
        RpcResult::Error {
            status_code,
            details,
            payload,
        } => Err(RpcFailure {
            status_code: status_code.get(),
            details,
            payload: payload.as_ref().map(value),
        }),
    };
    Ok(Response {
        document,
        method,
        request,
        reply,
    })
}

// ---------------------------------------------------------------------------------------
// Matching answers to requests
// ---------------------------------------------------------------------------------------

/// What kind of answer a frame is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// An ack.
    Ack,
    /// A NACK (retry later, or refused).
    Nack,
    /// An RPC response.
    Response,
    /// An RPC stream chunk.
    Stream,
}

/// A frame that answers an earlier one: which (by message id) and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    /// The message id of the frame answered.
    pub request: MessageId,
    /// Ack, NACK, response or stream.
    pub kind: AnswerKind,
}

/// The frame `frame` answers, if it is an ack or an RPC response or stream with a
/// well-formed id. Match it against [`message_id`](super::message_id) of what was sent:
/// teleportal's server both acks a request and answers it.
pub fn answer_to(frame: &Frame<Borrowed<'_>>) -> Option<Answer> {
    let (id, kind) = match frame {
        Frame::Ack(ack) => (
            ack.message_id,
            if ack.is_nack() {
                AnswerKind::Nack
            } else {
                AnswerKind::Ack
            },
        ),
        Frame::Rpc { message, .. } => match &message.kind {
            RpcKind::Response {
                original_request_id,
            } => (*original_request_id, AnswerKind::Response),
            RpcKind::Stream {
                original_request_id,
            } => (*original_request_id, AnswerKind::Stream),
            RpcKind::Request => return None,
        },
        _ => return None,
    };
    Some(Answer {
        request: parse_message_id(id)?,
        kind,
    })
}

/// Requests sent and not yet answered, keyed by their message ids (a small list: a client
/// has a handful in flight).
#[derive(Debug, Clone, Default)]
pub struct Pending<T> {
    entries: Vec<(MessageId, T)>,
}

impl<T> Pending<T> {
    /// Nothing pending.
    pub fn new() -> Self {
        Pending {
            entries: Vec::new(),
        }
    }
    /// Record `sent` (the exact bytes) under `value`; returns its id.
    pub fn sent(&mut self, sent: &[u8], value: T) -> MessageId {
        let id = super::message_id(sent);
        self.entries.push((id, value));
        id
    }
    /// Whether anything is pending.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    /// The number pending.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// If `frame` answers a pending request, remove and return it with the answer.
    pub fn settle(&mut self, frame: &Frame<Borrowed<'_>>) -> Option<(T, Answer)> {
        let answer = answer_to(frame)?;
        let at = self
            .entries
            .iter()
            .position(|(id, _)| *id == answer.request)?;
        Some((self.entries.remove(at).1, answer))
    }
}
