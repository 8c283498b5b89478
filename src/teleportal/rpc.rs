//! RPC messages (type 4): requests, streams and responses with lib0 `any` payloads (the
//! milestone methods, file transfer, …).
//!
//! ```text
//! header (type 04) | varString method | u8 requestType (0 request | 1 stream | 2 response)
//!   | [varString originalRequestId, for stream and response; not empty]
//!   | u8 isError
//!   isError 0: varUint8Array( any payload )          exactly one value inside
//!   isError 1: varUint statusCode | varString details | u8 hasPayload | [any payload]
//!
//! 59 4a 53 01 01 64 00 04 | 03 "get" | 00 | 00 | 01 7e      request "get", payload null
//! ```
//!
//! | request type | access | JSON (frame members) |
//! |---|---|---|
//! | request | write | `"rpcMethod": S, "requestType": "request"` |
//! | stream | write | `…, "requestType": "stream", "originalRequestId": S` |
//! | response | server-to-client | `…, "requestType": "response", "originalRequestId": S` |
//!
//! Requests and streams are classed as writes (fail closed: a method may change state); a
//! server that allows read-only peers some methods decides by
//! [`Header::rpc_method`](super::Header::rpc_method).
//!
//! JSON payload: `{"type": "success", "payload": ANY}` or `{"type": "error", "statusCode": N,
//! "details": S}` with `"payload": ANY` when the frame has one. Teleportal writes no error
//! payload for `null` or `undefined`, so `hasPayload 1` with a null or undefined value is
//! `non-canonical` (at its tag), and bytes after the success value inside its
//! varUint8Array are `trailing-bytes`.

use super::{header::small_field, sink::FrameSink, Access};
use crate::{
    lib0::any::{EncodedAny, TAG_NULL, TAG_UNDEFINED},
    lib0::reader::Fault,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind, U53,
};

pub(crate) const METHOD: &str = "the RPC method";
const REQUEST_TYPE: &str = "the RPC request type";

/// The request type of an RPC message (its sub-type, for routing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RequestType {
    /// 0: a request.
    Request,
    /// 1: a stream chunk of an earlier request.
    Stream,
    /// 2: the response to an earlier request.
    Response,
}

impl RequestType {
    /// Every request type, in wire order.
    pub const ALL: [RequestType; 3] = [
        RequestType::Request,
        RequestType::Stream,
        RequestType::Response,
    ];

    /// The request-type byte.
    pub const fn as_byte(self) -> u8 {
        match self {
            RequestType::Request => 0,
            RequestType::Stream => 1,
            RequestType::Response => 2,
        }
    }

    /// The JSON form's word.
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestType::Request => "request",
            RequestType::Stream => "stream",
            RequestType::Response => "response",
        }
    }

    /// The access class.
    pub const fn access(self) -> Access {
        match self {
            RequestType::Request | RequestType::Stream => Access::Write,
            RequestType::Response => Access::ServerToClient,
        }
    }

    pub(crate) fn parse(input: &[u8]) -> PResult<'_, RequestType> {
        let (rest, byte) = small_field(input, 3, ErrorKind::InvalidValue, REQUEST_TYPE)?;
        let kind = match byte {
            0 => RequestType::Request,
            1 => RequestType::Stream,
            _ => RequestType::Response,
        };
        Ok((rest, kind))
    }
}

/// Which request a message is, with the id of the request it answers or continues.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RpcKind<S: Storage> {
    /// A request.
    Request,
    /// A stream chunk of request `original_request_id`.
    Stream {
        /// The id of the request (not empty).
        original_request_id: S::Str,
    },
    /// The response to request `original_request_id`.
    Response {
        /// The id of the request (not empty).
        original_request_id: S::Str,
    },
}

impl<S: Storage> RpcKind<S> {
    /// The request type.
    pub fn request_type(&self) -> RequestType {
        match self {
            RpcKind::Request => RequestType::Request,
            RpcKind::Stream { .. } => RequestType::Stream,
            RpcKind::Response { .. } => RequestType::Response,
        }
    }

    /// The original request id, for streams and responses.
    pub fn original_request_id(&self) -> Option<&S::Str> {
        match self {
            RpcKind::Request => None,
            RpcKind::Stream {
                original_request_id,
            }
            | RpcKind::Response {
                original_request_id,
            } => Some(original_request_id),
        }
    }
}

/// Success with a payload, or an error.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RpcResult<S: Storage> {
    /// Success, with one `any` value.
    Success {
        /// The payload.
        payload: EncodedAny<S>,
    },
    /// An error.
    Error {
        /// An HTTP-like status code.
        status_code: U53,
        /// What went wrong.
        details: S::Str,
        /// An optional payload (never `null` or `undefined`: teleportal writes none then).
        payload: Option<EncodedAny<S>>,
    },
}

/// An RPC message.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RpcMessage<S: Storage> {
    /// The method name.
    pub method: S::Str,
    /// Request, stream or response.
    pub kind: RpcKind<S>,
    /// The result or request payload.
    pub result: RpcResult<S>,
}

/// `fault` found inside `inner` (a slice of `outer` starting at `outer`'s start), moved to
/// the same position of `outer`, so its offset counts from the frame.
fn rebase<'i>(fault: Fault<'i>, inner: &'i [u8], outer: &'i [u8]) -> Fault<'i> {
    let pos = inner.len().saturating_sub(fault.at.len());
    Fault {
        at: outer.get(pos..).unwrap_or_default(),
        ..fault
    }
}

impl<S: Storage> RpcMessage<S> {
    #[inline]
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        let (rest, method) = crate::snapshot::parse::string(cx, input, METHOD)?;
        let (rest, request_type) = RequestType::parse(rest)?;
        let (rest, kind) = match request_type {
            RequestType::Request => (rest, RpcKind::Request),
            RequestType::Stream | RequestType::Response => {
                let (after, raw) = crate::lib0::var_bytes::parse_raw(
                    rest,
                    cx.limits.max_string_bytes,
                    "the original request id",
                )?;
                if raw.is_empty() {
                    return fail(ErrorKind::InvalidValue, rest, "the original request id");
                }
                let (after, original_request_id) =
                    crate::snapshot::parse::string(cx, rest, "the original request id")
                        .map(|(_, id)| (after, id))?;
                if request_type == RequestType::Stream {
                    (
                        after,
                        RpcKind::Stream {
                            original_request_id,
                        },
                    )
                } else {
                    (
                        after,
                        RpcKind::Response {
                            original_request_id,
                        },
                    )
                }
            }
        };
        let (rest, is_error) = small_field(rest, 2, ErrorKind::InvalidValue, "the isError byte")?;
        let (rest, result) = if is_error == 0 {
            let (after, raw) = crate::lib0::var_bytes::parse_raw(
                rest,
                cx.limits.max_payload_bytes,
                "the RPC payload",
            )?;
            let prefix = rest
                .len()
                .saturating_sub(after.len())
                .saturating_sub(raw.len());
            let outer = rest.get(prefix..).unwrap_or_default();
            let (left, (payload, _)) =
                EncodedAny::parse(cx, raw).map_err(|err| rebase(err, raw, outer))?;
            if !left.is_empty() {
                let at = outer
                    .get(raw.len().saturating_sub(left.len())..)
                    .unwrap_or_default();
                return fail(ErrorKind::TrailingBytes, at, "the RPC payload");
            }
            (after, RpcResult::Success { payload })
        } else {
            let (rest, status_code) = crate::lib0::var_uint::parse_u53(rest, "the status code")?;
            let (rest, details) = crate::snapshot::parse::string(cx, rest, "the error details")?;
            let (rest, has_payload) =
                small_field(rest, 2, ErrorKind::InvalidValue, "the hasPayload byte")?;
            let (rest, payload) = if has_payload == 1 {
                if let Some(&(TAG_NULL | TAG_UNDEFINED)) = rest.first() {
                    return fail(ErrorKind::NonCanonical, rest, "the error payload");
                }
                let (rest, (payload, _)) = EncodedAny::parse(cx, rest)?;
                (rest, Some(payload))
            } else {
                (rest, None)
            };
            (
                rest,
                RpcResult::Error {
                    status_code,
                    details,
                    payload,
                },
            )
        };
        Ok((
            rest,
            RpcMessage {
                method,
                kind,
                result,
            },
        ))
    }

    pub(crate) fn write<W: FrameSink>(&self, out: &mut W) {
        out.put_var_bytes(self.method.as_bytes());
        out.put_u8(self.kind.request_type().as_byte());
        if let Some(id) = self.kind.original_request_id() {
            out.put_var_bytes(id.as_bytes());
        }
        match &self.result {
            RpcResult::Success { payload } => {
                out.put_u8(0);
                out.put_var_uint(u64::try_from(payload.as_bytes().len()).unwrap_or(u64::MAX));
                out.put_data::<S>(payload.raw());
            }
            RpcResult::Error {
                status_code,
                details,
                payload,
            } => {
                out.put_u8(1);
                out.put_var_uint(status_code.get());
                out.put_var_bytes(details.as_bytes());
                match payload {
                    Some(payload) => {
                        out.put_u8(1);
                        out.put_data::<S>(payload.raw());
                    }
                    None => out.put_u8(0),
                }
            }
        }
    }
}

#[cfg(feature = "serde")]
pub(crate) mod json {
    use super::*;
    use crate::{lib0::any::AnyValue, snapshot::Shared, Limits};
    use alloc::string::String;
    use serde::{ser::SerializeMap, Deserialize, Serialize, Serializer};

    impl<S: Storage> Serialize for RpcResult<S> {
        fn serialize<Z: Serializer>(&self, serializer: Z) -> Result<Z::Ok, Z::Error> {
            let mut map = serializer.serialize_map(None)?;
            match self {
                RpcResult::Success { payload } => {
                    map.serialize_entry("type", "success")?;
                    map.serialize_entry("payload", payload)?;
                }
                RpcResult::Error {
                    status_code,
                    details,
                    payload,
                } => {
                    map.serialize_entry("type", "error")?;
                    map.serialize_entry("statusCode", status_code)?;
                    map.serialize_entry("details", &**details)?;
                    if let Some(payload) = payload {
                        map.serialize_entry("payload", payload)?;
                    }
                }
            }
            map.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
    pub(crate) enum ResultIn {
        Success {
            /// Absent when a JavaScript writer dropped an `undefined` payload.
            #[serde(default = "undefined")]
            payload: AnyValue,
        },
        Error {
            #[serde(rename = "statusCode")]
            status_code: U53,
            details: String,
            #[serde(default, deserialize_with = "present")]
            payload: Option<AnyValue>,
        },
    }

    fn undefined() -> AnyValue {
        AnyValue::Undefined
    }

    /// A member that is there is `Some`, even `null` (which an encoder then refuses).
    fn present<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<AnyValue>, D::Error> {
        AnyValue::deserialize(deserializer).map(Some)
    }

    #[derive(Deserialize, Clone, Copy)]
    #[serde(rename_all = "kebab-case")]
    pub(crate) enum RequestTypeIn {
        Request,
        Stream,
        Response,
    }

    fn encoded(value: &AnyValue) -> Result<EncodedAny<Shared>, &'static str> {
        let data = EncodedAny::from_value(value);
        EncodedAny::from_bytes(data.raw().clone(), &Limits::DEFAULT)
            .map_err(|_| "the payload is not a canonical any value")
    }

    pub(crate) fn message(
        method: String,
        request_type: RequestTypeIn,
        original_request_id: Option<String>,
        result: ResultIn,
    ) -> Result<RpcMessage<Shared>, &'static str> {
        let kind = match (request_type, original_request_id) {
            (RequestTypeIn::Request, None) => RpcKind::Request,
            (RequestTypeIn::Request, Some(_)) => return Err("a request has no originalRequestId"),
            (_, None) => return Err("streams and responses need an originalRequestId"),
            (_, Some(id)) if id.is_empty() => return Err("originalRequestId must not be empty"),
            (RequestTypeIn::Stream, Some(id)) => RpcKind::Stream {
                original_request_id: id.into(),
            },
            (RequestTypeIn::Response, Some(id)) => RpcKind::Response {
                original_request_id: id.into(),
            },
        };
        let result = match result {
            ResultIn::Success { payload } => RpcResult::Success {
                payload: encoded(&payload)?,
            },
            ResultIn::Error {
                status_code,
                details,
                payload,
            } => RpcResult::Error {
                status_code,
                details: details.into(),
                payload: match payload {
                    None => None,
                    Some(AnyValue::Null | AnyValue::Undefined) => {
                        return Err("teleportal writes no error payload for null or undefined")
                    }
                    Some(value) => Some(encoded(&value)?),
                },
            },
        };
        Ok(RpcMessage {
            method: method.into(),
            kind,
            result,
        })
    }
}
