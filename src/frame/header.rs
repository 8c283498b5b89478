//! The frame header: magic, version, document name, message type, and the doc sub-type or
//! snapshot kind. Enough to route, classify or drop a frame without reading its body.
//!
//! ```text
//! frame   = 59 4a 53 ("YJS") • 01 • varString(document) • messageType • body
//! control = 59 4a 53 70 69 6e 67 ("YJSping") | 59 4a 53 70 6f 6e 67 ("YJSpong")
//! ```

use crate::{
    doc::DocType,
    parse::{fail, Cx, PResult, Source},
    sink::{put_var_bytes, Sink},
    snapshot::SnapshotKind,
    storage::{Borrowed, Storage},
    var_bytes, ErrorKind,
};

/// The three magic bytes that start every frame: `"YJS"`.
pub const MAGIC: [u8; 3] = *b"YJS";
/// The protocol version this crate speaks.
pub const VERSION: u8 = 0x01;
/// The whole ping frame, `"YJSping"`.
pub const PING: [u8; 7] = *b"YJSping";
/// The whole pong frame, `"YJSpong"`.
pub const PONG: [u8; 7] = *b"YJSpong";

/// The message-type byte after the document name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageType {
    /// `0x00`: Y.js document sync ([`DocMessage`](crate::DocMessage)).
    Doc = 0,
    /// `0x01`: awareness ([`AwarenessMessage`](crate::AwarenessMessage)).
    Awareness = 1,
    /// `0x02`: snapshot ([`SnapshotMessage`](crate::SnapshotMessage)).
    Snapshot = 2,
}

impl MessageType {
    /// The message type of a byte, or `None` for an unknown byte.
    pub const fn from_byte(byte: u8) -> Option<MessageType> {
        match byte {
            0 => Some(MessageType::Doc),
            1 => Some(MessageType::Awareness),
            2 => Some(MessageType::Snapshot),
            _ => None,
        }
    }

    /// The byte on the wire.
    pub const fn as_byte(self) -> u8 {
        self as u8
    }

    /// The name used in the JSON form (`doc`, `awareness`, `snapshot`).
    pub const fn as_str(self) -> &'static str {
        match self {
            MessageType::Doc => "doc",
            MessageType::Awareness => "awareness",
            MessageType::Snapshot => "snapshot",
        }
    }
}

/// What a frame is, as far as its header tells: enough to route or classify it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FrameKind {
    /// The `YJSping` control frame.
    Ping,
    /// The `YJSpong` control frame.
    Pong,
    /// A doc message of the given sub-type.
    Doc(DocType),
    /// An awareness update.
    Awareness,
    /// A snapshot message of the given kind.
    Snapshot(SnapshotKind),
}

impl FrameKind {
    /// The message type, or `None` for ping and pong.
    pub const fn message_type(self) -> Option<MessageType> {
        match self {
            FrameKind::Ping | FrameKind::Pong => None,
            FrameKind::Doc(_) => Some(MessageType::Doc),
            FrameKind::Awareness => Some(MessageType::Awareness),
            FrameKind::Snapshot(_) => Some(MessageType::Snapshot),
        }
    }
}

/// A decoded frame header: document name and [`FrameKind`], without the body.
///
/// Made by [`decode_header`](crate::decode_header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    document: Option<&'a str>,
    kind: FrameKind,
    type_offset: usize,
    payload_offset: usize,
}

impl<'a> Header<'a> {
    /// The document name, or `None` for ping and pong.
    pub const fn document(&self) -> Option<&'a str> {
        self.document
    }

    /// What the frame is.
    pub const fn kind(&self) -> FrameKind {
        self.kind
    }

    /// The offset of the message-type byte: everything before it is magic, version and
    /// document name. Equal to the frame length for ping and pong.
    pub const fn type_offset(&self) -> usize {
        self.type_offset
    }

    /// The offset of the payload: after the message type and the doc sub-type byte or the
    /// snapshot kind string.
    pub const fn payload_offset(&self) -> usize {
        self.payload_offset
    }

    pub(crate) fn from_head(head: Head<Borrowed<'a>>, frame: &[u8], body: &[u8]) -> Self {
        Header {
            document: head.document,
            kind: head.kind,
            type_offset: head.type_offset,
            payload_offset: frame.len().saturating_sub(body.len()),
        }
    }
}

/// A header in any storage, as the parser produces it.
pub(crate) struct Head<S: Storage> {
    pub(crate) document: Option<S::Str>,
    pub(crate) kind: FrameKind,
    pub(crate) type_offset: usize,
}

const CONTROL_LEN: usize = PING.len();

/// Parse a header; the rest is the payload. For ping and pong the rest is what follows
/// the seven bytes (a caller rejects it as trailing bytes).
#[inline]
pub(crate) fn parse<'i, X: Source<'i>>(
    cx: &Cx<X>,
    frame: &'i [u8],
) -> PResult<'i, Head<X::Storage>> {
    let (rest, ()) = parse_magic(frame)?;
    let Some((&version, after_version)) = rest.split_first() else {
        return fail(ErrorKind::Truncated, rest, "the version byte");
    };
    if version != VERSION {
        return parse_control(rest).map(|(rest, kind)| {
            let head = Head {
                document: None,
                kind,
                type_offset: CONTROL_LEN,
            };
            (rest, head)
        });
    }
    let (input, document) = var_bytes::parse_text(
        cx,
        after_version,
        cx.limits.max_name_bytes,
        "the document name",
    )?;
    let type_offset = frame.len().saturating_sub(input.len());
    let (rest, kind) = parse_kind(input, cx.limits.max_string_bytes)?;
    let head = Head {
        document: Some(document),
        kind,
        type_offset,
    };
    Ok((rest, head))
}

/// `"YJS"`: a strict prefix of it is truncated, anything else is bad magic.
#[inline]
fn parse_magic(frame: &[u8]) -> PResult<'_, ()> {
    match frame.strip_prefix(&MAGIC[..]) {
        Some(rest) => Ok((rest, ())),
        None if MAGIC.starts_with(frame) => fail(ErrorKind::Truncated, frame, "the magic"),
        None => fail(ErrorKind::BadMagic, frame, "the magic"),
    }
}

/// After `"YJS"` and a byte that is not the version: `ping` / `pong`, or a bad version.
#[inline]
fn parse_control(rest: &[u8]) -> PResult<'_, FrameKind> {
    const VERSION_BYTE: &str = "the version byte";
    for (word, kind) in [(&PING, FrameKind::Ping), (&PONG, FrameKind::Pong)] {
        let tail = word.get(MAGIC.len()..).unwrap_or_default();
        if rest.starts_with(tail) {
            let after = rest.get(tail.len()..).unwrap_or_default();
            return Ok((after, kind));
        }
        if tail.starts_with(rest) {
            return fail(ErrorKind::Truncated, rest, VERSION_BYTE);
        }
    }
    fail(ErrorKind::UnsupportedVersion, rest, VERSION_BYTE)
}

/// The message-type byte and, for doc and snapshot, the sub-type byte or kind string.
#[inline]
fn parse_kind(input: &[u8], max_kind_bytes: usize) -> PResult<'_, FrameKind> {
    const TYPE: &str = "the message type";
    let Some((&type_byte, rest)) = input.split_first() else {
        return fail(ErrorKind::Truncated, input, TYPE);
    };
    match MessageType::from_byte(type_byte) {
        Some(MessageType::Doc) => {
            const DOC_TYPE: &str = "the doc message type";
            let Some((&doc_byte, after)) = rest.split_first() else {
                return fail(ErrorKind::Truncated, rest, DOC_TYPE);
            };
            match DocType::from_byte(doc_byte) {
                Some(doc_type) => Ok((after, FrameKind::Doc(doc_type))),
                None => fail(ErrorKind::UnknownMessageType, rest, DOC_TYPE),
            }
        }
        Some(MessageType::Awareness) => Ok((rest, FrameKind::Awareness)),
        Some(MessageType::Snapshot) => {
            let (after, kind) = parse_snapshot_kind(rest, max_kind_bytes)?;
            Ok((after, FrameKind::Snapshot(kind)))
        }
        None => fail(ErrorKind::UnknownMessageType, input, TYPE),
    }
}

/// The kind varString: a string error first, then an unknown kind.
#[inline]
fn parse_snapshot_kind(input: &[u8], max_kind_bytes: usize) -> PResult<'_, SnapshotKind> {
    const KIND: &str = "the snapshot kind";
    let (rest, raw) = var_bytes::parse_raw(input, max_kind_bytes, KIND)?;
    match SnapshotKind::from_wire(raw) {
        Some(kind) => Ok((rest, kind)),
        None if core::str::from_utf8(raw).is_err() => fail(ErrorKind::InvalidUtf8, input, KIND),
        None => fail(ErrorKind::UnknownSnapshotKind, input, KIND),
    }
}

/// Write the header of a message frame: magic, version, document name, message-type byte.
pub(crate) fn write<W: Sink>(out: &mut W, document: &str, message_type: MessageType) {
    out.put_slice(&MAGIC);
    out.put_u8(VERSION);
    put_var_bytes(out, document.as_bytes());
    out.put_u8(message_type.as_byte());
}
