//! The header every teleportal frame starts with, and the header peek for routing.
//!
//! ```text
//! 59 4a 53 | 01      | varString document | u8 encrypted | u8 type | sub-type …
//! "YJS"    | version |                    | 0 / 1        | 0 doc · 1 awareness · 2 ack ·
//!                                                          3 presence · 4 rpc
//! 59 4a 53 70 69 6e 67   "YJSping"        59 4a 53 70 6f 6e 67   "YJSpong"
//! ```
//!
//! An ack carries an empty document and encrypted 0, a presence message encrypted 0
//! (teleportal writes nothing else; `invalid-value` otherwise).

use super::{
    awareness::AwarenessType, doc::DocType, presence::PresenceType, rpc::RequestType, Access,
};
use crate::{
    lib0::Sink,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::{BorrowedSource, Storage},
    Error, ErrorKind, Limits,
};

/// `"YJS"`.
pub const MAGIC: [u8; 3] = *b"YJS";
/// The protocol version byte.
pub const VERSION: u8 = 0x01;
/// The whole ping frame.
pub const PING: [u8; 7] = *b"YJSping";
/// The whole pong frame.
pub const PONG: [u8; 7] = *b"YJSpong";

pub(crate) const DOCUMENT: &str = "the document name";
pub(crate) const ENCRYPTED: &str = "the encrypted byte";
pub(crate) const TYPE: &str = "the message type";

/// What a frame is, from its header: the message type and its sub-type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// Type 0, with its sub-type.
    Doc(DocType),
    /// Type 1, with its sub-type.
    Awareness(AwarenessType),
    /// Type 2 (ack or NACK).
    Ack,
    /// Type 3, with its sub-type.
    Presence(PresenceType),
    /// Type 4, with its request type.
    Rpc(RequestType),
    /// `YJSping`.
    Ping,
    /// `YJSpong`.
    Pong,
}

impl MessageKind {
    /// The access class of this kind of frame (never [`Access::Invalid`]). Each message
    /// file decides its own kinds; no wildcard arm.
    pub const fn access(self) -> Access {
        match self {
            MessageKind::Doc(doc) => doc.access(),
            MessageKind::Awareness(awareness) => awareness.access(),
            MessageKind::Ack => super::ack::ACCESS,
            MessageKind::Presence(presence) => presence.access(),
            MessageKind::Rpc(request) => request.access(),
            MessageKind::Ping | MessageKind::Pong => super::ping::ACCESS,
        }
    }

    /// The JSON form's `"type"` of the frame (`doc`, `awareness`, `ack`, `presence`, `rpc`,
    /// `ping`, `pong`).
    pub const fn type_name(self) -> &'static str {
        match self {
            MessageKind::Doc(_) => "doc",
            MessageKind::Awareness(_) => "awareness",
            MessageKind::Ack => "ack",
            MessageKind::Presence(_) => "presence",
            MessageKind::Rpc(_) => "rpc",
            MessageKind::Ping => "ping",
            MessageKind::Pong => "pong",
        }
    }
}

/// The header of a frame, read without decoding the body: for routing and access checks.
///
/// ```
/// use yjs_wire::teleportal::{decode_header, MessageKind, RequestType};
///
/// let frame = b"YJS\x01\x03doc\x00\x04\x0cgetMilestone\x00\x00\x02\x7e";
/// let header = decode_header(frame)?;
/// assert_eq!(header.document(), Some("doc"));
/// assert!(!header.encrypted());
/// assert_eq!(header.kind(), MessageKind::Rpc(RequestType::Request));
/// assert_eq!(header.rpc_method(), Some("getMilestone"));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    document: Option<&'a str>,
    encrypted: bool,
    kind: MessageKind,
    rpc_method: Option<&'a str>,
}

impl<'a> Header<'a> {
    /// The document name (`None` for ping and pong; `Some("")` for an ack).
    pub fn document(&self) -> Option<&'a str> {
        self.document
    }
    /// The encrypted flag.
    pub fn encrypted(&self) -> bool {
        self.encrypted
    }
    /// The message type and sub-type.
    pub fn kind(&self) -> MessageKind {
        self.kind
    }
    /// The RPC method, for RPC frames.
    pub fn rpc_method(&self) -> Option<&'a str> {
        self.rpc_method
    }
    /// The access class.
    pub fn access(&self) -> Access {
        self.kind.access()
    }
}

/// What the common header gives: document and encrypted (with where they are), and the type
/// byte's input.
pub(crate) struct Head<'i, X: Source<'i>> {
    pub document: <X::Storage as Storage>::Str,
    pub document_at: &'i [u8],
    pub document_empty: bool,
    pub encrypted: bool,
    pub encrypted_at: &'i [u8],
}

pub(crate) enum Start<'i, X: Source<'i>> {
    Ping,
    Pong,
    /// The header up to the encrypted byte, the type byte and the input after it.
    Message(Head<'i, X>, u8, &'i [u8], &'i [u8]),
}

/// Read magic, version (or ping/pong), document, encrypted and the type byte.
#[inline(always)]
pub(crate) fn parse_start<'i, X: Source<'i>>(
    cx: &Cx<X>,
    frame: &'i [u8],
) -> PResult<'i, Start<'i, X>> {
    if frame.len() > cx.limits.max_frame_bytes {
        return fail(ErrorKind::LimitExceeded, frame, "the frame");
    }
    let rest = match frame.strip_prefix(&MAGIC[..]) {
        Some(rest) => rest,
        None if MAGIC.starts_with(frame) => return fail(ErrorKind::Truncated, frame, "the magic"),
        None => return fail(ErrorKind::BadMagic, frame, "the magic"),
    };
    let Some((&version, after_version)) = rest.split_first() else {
        return fail(ErrorKind::Truncated, rest, "the version byte");
    };
    if version != VERSION {
        return parse_control(rest);
    }
    let document_at = after_version;
    let (rest, raw) =
        crate::lib0::var_bytes::parse_raw(document_at, cx.limits.max_name_bytes, DOCUMENT)?;
    let document = match core::str::from_utf8(raw)
        .ok()
        .and_then(|text| cx.src.checked_text(raw, text))
    {
        Some(document) => document,
        None => return fail(ErrorKind::InvalidUtf8, document_at, DOCUMENT),
    };
    let encrypted_at = rest;
    let (encrypted, rest) = match rest.split_first() {
        Some((&0, rest)) => (false, rest),
        Some((&1, rest)) => (true, rest),
        Some(_) => return fail(ErrorKind::InvalidValue, encrypted_at, ENCRYPTED),
        None => return fail(ErrorKind::Truncated, encrypted_at, ENCRYPTED),
    };
    let Some((&message_type, body)) = rest.split_first() else {
        return fail(ErrorKind::Truncated, rest, TYPE);
    };
    let head = Head {
        document,
        document_at,
        document_empty: raw.is_empty(),
        encrypted,
        encrypted_at,
    };
    Ok((body, Start::Message(head, message_type, rest, body)))
}

/// After the magic, a byte that is not the version: `ping` / `pong` (the input after the
/// word is returned), or a bad version. Rare, so out of line.
#[cold]
#[inline(never)]
fn parse_control<'i, X: Source<'i>>(rest: &'i [u8]) -> PResult<'i, Start<'i, X>> {
    for (word, start) in [(&PING, Start::Ping), (&PONG, Start::Pong)] {
        let tail = word.get(MAGIC.len()..).unwrap_or_default();
        if let Some(after) = rest.strip_prefix(tail) {
            return Ok((after, start));
        }
        if tail.starts_with(rest) {
            return fail(ErrorKind::Truncated, rest, "the version byte");
        }
    }
    fail(ErrorKind::UnsupportedVersion, rest, "the version byte")
}

/// Read one u8 field that must be one of `0..count` (`invalid-value` otherwise).
pub(crate) fn small_field<'i>(
    input: &'i [u8],
    count: u8,
    kind: ErrorKind,
    element: &'static str,
) -> PResult<'i, u8> {
    match input.split_first() {
        Some((&byte, rest)) if byte < count => Ok((rest, byte)),
        Some(_) => fail(kind, input, element),
        None => fail(ErrorKind::Truncated, input, element),
    }
}

/// Write the header of a message frame (magic, version, document, encrypted, type).
pub(crate) fn write<W: Sink>(out: &mut W, document: &str, encrypted: bool, message_type: u8) {
    out.put_slice(&MAGIC);
    out.put_u8(VERSION);
    out.put_var_bytes(document.as_bytes());
    out.put_u8(u8::from(encrypted));
    out.put_u8(message_type);
}

/// Read the header of `frame` under [`Limits::DEFAULT`] (see [`decode_header_with`]).
pub fn decode_header(frame: &[u8]) -> Result<Header<'_>, Error> {
    decode_header_with(frame, &Limits::DEFAULT)
}

/// Read the header of `frame`: magic, version, document, encrypted, type, sub-type (and for
/// RPC the method and request type), with the same checks and errors as a full decode of
/// those bytes; the rest of the body is not read.
pub fn decode_header_with<'a>(frame: &'a [u8], limits: &Limits) -> Result<Header<'a>, Error> {
    peek(&Cx::new(BorrowedSource, limits, false), frame).map_err(|err| err.into_error(frame))
}

fn peek<'i>(
    cx: &Cx<BorrowedSource>,
    frame: &'i [u8],
) -> Result<Header<'i>, crate::lib0::reader::Fault<'i>> {
    let (after, start) = parse_start(cx, frame)?;
    let (head, message_type, type_at, body) = match start {
        Start::Ping | Start::Pong if !after.is_empty() => {
            return Err(crate::lib0::reader::Fault {
                kind: ErrorKind::TrailingBytes,
                at: after,
                element: "the frame",
            })
        }
        Start::Ping => return Ok(control(MessageKind::Ping)),
        Start::Pong => return Ok(control(MessageKind::Pong)),
        Start::Message(head, message_type, type_at, body) => (head, message_type, type_at, body),
    };
    let mut rpc_method = None;
    let kind = match message_type {
        0 => MessageKind::Doc(DocType::parse(body)?.1),
        1 => MessageKind::Awareness(AwarenessType::parse(body)?.1),
        2 => {
            super::ack::check_head(&head)?;
            MessageKind::Ack
        }
        3 => {
            super::presence::check_head(&head)?;
            MessageKind::Presence(PresenceType::parse(body)?.1)
        }
        4 => {
            let (rest, method) = crate::snapshot::parse::string(cx, body, super::rpc::METHOD)?;
            rpc_method = Some(method);
            MessageKind::Rpc(RequestType::parse(rest)?.1)
        }
        _ => return fail(ErrorKind::UnknownMessageType, type_at, TYPE).map(|(_, h)| h),
    };
    Ok(Header {
        document: Some(head.document),
        encrypted: head.encrypted,
        kind,
        rpc_method,
    })
}

fn control<'a>(kind: MessageKind) -> Header<'a> {
    Header {
        document: None,
        encrypted: false,
        kind,
        rpc_method: None,
    }
}
