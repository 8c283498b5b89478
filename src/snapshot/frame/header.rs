//! The frame header: magic, version, document name, message type, and the doc sub-type or
//! snapshot kind. Enough to route, classify or drop a frame without reading its body.
//!
//! ```text
//! frame   = 59 4a 53 ("YJS") • 01 • varString(document) • messageType • body
//! control = 59 4a 53 70 69 6e 67 ("YJSping") | 59 4a 53 70 6f 6e 67 ("YJSpong")
//! ```

use crate::{
    lib0::{var_bytes, LenCounter, Sink},
    server::{check_document_name, document_name},
    snapshot::doc::DocType,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::{Borrowed, Storage},
    snapshot::SnapshotKind,
    ErrorKind,
};

/// The three magic bytes that start every frame: `"YJS"` (`59 4a 53`).
///
/// ```
/// use yjs_wire::{decode, ErrorKind, snapshot::{MAGIC}};
///
/// assert_eq!(MAGIC, [0x59, 0x4a, 0x53]);
/// assert_eq!(decode(b"YJZ\x01").unwrap_err().kind(), ErrorKind::BadMagic);
/// ```
pub const MAGIC: [u8; 3] = *b"YJS";
/// The protocol version this crate speaks: the byte after [`MAGIC`] in every message frame.
///
/// ```
/// use yjs_wire::{decode, ErrorKind, snapshot::{VERSION}};
///
/// assert_eq!(VERSION, 0x01);
/// assert_eq!(decode(b"YJS\x02").unwrap_err().kind(), ErrorKind::UnsupportedVersion);
/// ```
pub const VERSION: u8 = 0x01;
/// The whole ping frame, `"YJSping"`: exactly these seven bytes, nothing after.
///
/// ```
/// use yjs_wire::{decode, Frame, snapshot::{Borrowed, PING}};
///
/// assert_eq!(PING, *b"\x59\x4a\x53\x70\x69\x6e\x67");
/// assert_eq!(decode(&PING), Ok(Frame::<Borrowed>::Ping));
/// ```
pub const PING: [u8; 7] = *b"YJSping";
/// The whole pong frame, `"YJSpong"`: exactly these seven bytes, nothing after.
///
/// ```
/// use yjs_wire::{Frame, snapshot::{Borrowed, PONG}};
///
/// assert_eq!(Frame::<Borrowed>::Pong.to_vec(), PONG);
/// ```
pub const PONG: [u8; 7] = *b"YJSpong";

/// The message-type byte after the document name.
///
/// ```text
/// 59 4a 53 01 | 03 "doc" | 01        | 03 01 02 03
/// "YJS"    01 | document | type 0x01 | awareness body
/// ```
///
/// ```
/// use yjs_wire::{decode_header, snapshot::{MessageType}};
///
/// let header = decode_header(b"YJS\x01\x03doc\x01\x03\x01\x02\x03")?;
/// assert_eq!(header.kind().message_type(), Some(MessageType::Awareness));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageType {
    /// `0x00`: Y.js document sync ([`DocMessage`](crate::snapshot::DocMessage)).
    Doc = 0,
    /// `0x01`: awareness ([`AwarenessMessage`](crate::snapshot::AwarenessMessage)).
    Awareness = 1,
    /// `0x02`: snapshot ([`SnapshotMessage`](crate::snapshot::SnapshotMessage)).
    Snapshot = 2,
}

impl MessageType {
    /// The message type of a byte, or `None` for an unknown byte.
    ///
    /// ```
    /// use yjs_wire::snapshot::MessageType;
    ///
    /// assert_eq!(MessageType::from_byte(0x02), Some(MessageType::Snapshot));
    /// assert_eq!(MessageType::from_byte(0x03), None);
    /// ```
    pub const fn from_byte(byte: u8) -> Option<MessageType> {
        match byte {
            0 => Some(MessageType::Doc),
            1 => Some(MessageType::Awareness),
            2 => Some(MessageType::Snapshot),
            _ => None,
        }
    }

    /// The byte on the wire.
    ///
    /// ```
    /// assert_eq!(yjs_wire::snapshot::MessageType::Doc.as_byte(), 0x00);
    /// ```
    pub const fn as_byte(self) -> u8 {
        self as u8
    }

    /// The name used in the JSON form (`doc`, `awareness`, `snapshot`).
    ///
    /// ```
    /// assert_eq!(yjs_wire::snapshot::MessageType::Awareness.as_str(), "awareness");
    /// ```
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
    ///
    /// ```
    /// use yjs_wire::{snapshot::{DocType, FrameKind, MessageType}};
    ///
    /// assert_eq!(FrameKind::Doc(DocType::Update).message_type(), Some(MessageType::Doc));
    /// assert_eq!(FrameKind::Ping.message_type(), None);
    /// ```
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
/// Made by [`decode_header`](crate::decode_header). The offsets split the frame's bytes:
///
/// ```text
/// 59 4a 53 01 03 64 6f 63 | 00   | 02           | 02 01 ff
/// "YJS" 01 varString(doc) | type | doc sub-type | payload
///                           ^ type_offset = 8     ^ payload_offset = 10
/// ```
///
/// ```
/// use yjs_wire::{decode_header, snapshot::{DocType, FrameKind}};
///
/// let header = decode_header(b"YJS\x01\x03doc\x00\x02\x02\x01\xff")?;
/// assert_eq!((header.document(), header.kind()), (Some("doc"), FrameKind::Doc(DocType::Update)));
/// assert_eq!((header.type_offset(), header.payload_offset()), (8, 10));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Header<'a> {
    document: Option<&'a str>,
    kind: FrameKind,
    type_offset: usize,
    payload_offset: usize,
}

impl<'a> Header<'a> {
    /// The document name, borrowed from the input, or `None` for ping and pong.
    ///
    /// ```
    /// use yjs_wire::decode_header;
    ///
    /// assert_eq!(decode_header(b"YJS\x01\x01d\x02\x0elist-snapshots")?.document(), Some("d"));
    /// assert_eq!(decode_header(b"YJSpong")?.document(), None);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub const fn document(&self) -> Option<&'a str> {
        self.document
    }

    /// What the frame is: message type and doc sub-type or snapshot kind.
    ///
    /// ```
    /// use yjs_wire::{decode_header, snapshot::{FrameKind, SnapshotKind}};
    ///
    /// let header = decode_header(b"YJS\x01\x01d\x02\x0elist-snapshots")?;
    /// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub const fn kind(&self) -> FrameKind {
        self.kind
    }

    /// The offset of the message-type byte: everything before it is magic, version and
    /// document name. Equal to the frame length for ping and pong.
    ///
    /// ```text
    /// 59 4a 53 01 01 64 | 02   | 16 "snapshot-fetch-request" | 07
    /// "YJS" 01 01 "d"   | type | kind (1 + 22 bytes)         | payload
    ///                     ^ type_offset = 6
    /// ```
    ///
    /// ```
    /// use yjs_wire::decode_header;
    ///
    /// let frame = b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x07";
    /// let header = decode_header(frame)?;
    /// assert_eq!(header.type_offset(), 6);
    /// assert_eq!(&frame[..header.type_offset()], b"YJS\x01\x01d");
    /// assert_eq!(decode_header(b"YJSping")?.type_offset(), 7);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub const fn type_offset(&self) -> usize {
        self.type_offset
    }

    /// The offset of the payload: after the message type and the doc sub-type byte or the
    /// snapshot kind string. The payload itself is not read by
    /// [`decode_header`](crate::decode_header).
    ///
    /// ```text
    /// 59 4a 53 01 01 64 | 02   | 16 "snapshot-fetch-request" | 07
    /// "YJS" 01 01 "d"   | type | kind (1 + 22 bytes)         | payload
    ///                                                          ^ payload_offset = 30
    /// ```
    ///
    /// ```
    /// use yjs_wire::decode_header;
    ///
    /// let frame = b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x07";
    /// let header = decode_header(frame)?;
    /// assert_eq!(header.payload_offset(), 30);
    /// assert_eq!(&frame[header.payload_offset()..], b"\x07"); // the snapshot id
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
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
#[inline(always)]
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
    let (input, document) = parse_document_name(cx, after_version)?;
    let type_offset = frame.len().saturating_sub(input.len());
    let (rest, (kind, _)) = parse_kind(cx, input)?;
    let head = Head {
        document: Some(document),
        kind,
        type_offset,
    };
    Ok((rest, head))
}

/// `varString(document)`: the length prefix (varUint errors, then the name limit, then the
/// bytes present, as for every varString), then [`check_document_name`] on the bytes.
#[inline(always)]
pub(crate) fn parse_document_name<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, <X::Storage as Storage>::Str> {
    let (rest, raw) =
        var_bytes::parse_raw(input, cx.limits.max_name_bytes, document_name::ELEMENT)?;
    let text = match check_document_name(raw, &cx.limits) {
        Ok(text) => text,
        // Reported at the length prefix, where the varString starts.
        Err(err) => return fail(err.kind(), input, document_name::ELEMENT),
    };
    match cx.src.checked_text(raw, text) {
        Some(document) => Ok((rest, document)),
        None => fail(ErrorKind::InvalidUtf8, input, document_name::ELEMENT),
    }
}

/// `"YJS"`: a strict prefix of it is truncated, anything else is bad magic.
#[inline(always)]
pub(crate) fn parse_magic(frame: &[u8]) -> PResult<'_, ()> {
    match frame.strip_prefix(&MAGIC[..]) {
        Some(rest) => Ok((rest, ())),
        None if MAGIC.starts_with(frame) => fail(ErrorKind::Truncated, frame, "the magic"),
        None => fail(ErrorKind::BadMagic, frame, "the magic"),
    }
}

/// After `"YJS"` and a byte that is not the version: `ping` / `pong`, or a bad version.
#[cold]
#[inline(never)]
pub(crate) fn parse_control(rest: &[u8]) -> PResult<'_, FrameKind> {
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

/// The message-type byte and, for doc and snapshot, the sub-type byte or kind string (and the
/// kind string itself if it is unknown and kept).
#[inline(always)]
pub(crate) fn parse_kind<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, (FrameKind, Option<<X::Storage as Storage>::Str>)> {
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
                Some(doc_type) => Ok((after, (FrameKind::Doc(doc_type), None))),
                None => fail(ErrorKind::UnknownMessageType, rest, DOC_TYPE),
            }
        }
        Some(MessageType::Awareness) => Ok((rest, (FrameKind::Awareness, None))),
        Some(MessageType::Snapshot) => {
            let (after, (kind, raw_kind)) = parse_snapshot_kind(cx, rest)?;
            Ok((after, (FrameKind::Snapshot(kind), raw_kind)))
        }
        None => fail(ErrorKind::UnknownMessageType, input, TYPE),
    }
}

/// The kind varString: a string error first, then an unknown kind (rejected, or kept with
/// its string when the options say so). A known kind is matched on its bytes (it is ASCII);
/// only an unknown one is checked as UTF-8, out of line.
#[inline(always)]
fn parse_snapshot_kind<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, (SnapshotKind, Option<<X::Storage as Storage>::Str>)> {
    let (rest, raw) = var_bytes::parse_raw(input, cx.limits.max_string_bytes, SNAPSHOT_KIND)?;
    match SnapshotKind::from_wire(raw) {
        Some(kind) => Ok((rest, (kind, None))),
        None => unknown_snapshot_kind(cx, input, rest, raw),
    }
}

const SNAPSHOT_KIND: &str = "the snapshot kind";

/// A kind string no variant has: invalid UTF-8 first, then kept or rejected.
#[cold]
#[inline(never)]
fn unknown_snapshot_kind<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
    rest: &'i [u8],
    raw: &'i [u8],
) -> PResult<'i, (SnapshotKind, Option<<X::Storage as Storage>::Str>)> {
    match cx.src.text(raw) {
        None => fail(ErrorKind::InvalidUtf8, input, SNAPSHOT_KIND),
        Some(text) if cx.keep_unknown_kinds => Ok((rest, (SnapshotKind::Unknown, Some(text)))),
        Some(_) => fail(ErrorKind::UnknownSnapshotKind, input, SNAPSHOT_KIND),
    }
}

/// Write the header of a message frame: magic, version, document name, message-type byte.
pub(crate) fn write<W: Sink>(out: &mut W, document: &str, message_type: MessageType) {
    write_prefix(out, document);
    out.put_u8(message_type.as_byte());
}

/// Write what precedes the message-type byte: magic, version, document name.
pub(crate) fn write_prefix<W: Sink>(out: &mut W, document: &str) {
    out.put_slice(&MAGIC);
    out.put_u8(VERSION);
    out.put_var_bytes(document.as_bytes());
}

/// The number of bytes [`write_prefix`] writes.
pub(crate) fn prefix_len(document: &str) -> usize {
    let mut counter = LenCounter::default();
    write_prefix(&mut counter, document);
    counter.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode_header, snapshot::DocType};

    #[test]
    fn message_types_have_their_byte_and_name() {
        let all = [
            (MessageType::Doc, 0, "doc"),
            (MessageType::Awareness, 1, "awareness"),
            (MessageType::Snapshot, 2, "snapshot"),
        ];
        for (message_type, byte, name) in all {
            assert_eq!(MessageType::from_byte(byte), Some(message_type));
            assert_eq!(message_type.as_byte(), byte);
            assert_eq!(message_type.as_str(), name);
        }
        assert_eq!(MessageType::from_byte(3), None);
        assert_eq!(MessageType::from_byte(0x80), None);
    }

    #[test]
    fn frame_kinds_know_their_message_type() {
        assert_eq!(FrameKind::Ping.message_type(), None);
        assert_eq!(FrameKind::Pong.message_type(), None);
        let update = FrameKind::Doc(DocType::Update);
        assert_eq!(update.message_type(), Some(MessageType::Doc));
        assert_eq!(
            FrameKind::Awareness.message_type(),
            Some(MessageType::Awareness)
        );
        let list = FrameKind::Snapshot(SnapshotKind::ListSnapshots);
        assert_eq!(list.message_type(), Some(MessageType::Snapshot));
    }

    #[test]
    fn header_offsets_point_at_type_and_payload() {
        let header = decode_header(b"YJS\x01\x03doc\x00\x02\x01\xff").unwrap();
        assert_eq!((header.type_offset(), header.payload_offset()), (8, 10));
        let header = decode_header(b"YJS\x01\x00\x02\x0elist-snapshots").unwrap();
        assert_eq!((header.type_offset(), header.payload_offset()), (5, 21));
        let header = decode_header(b"YJSpong").unwrap();
        assert_eq!((header.type_offset(), header.payload_offset()), (7, 7));
    }

    #[test]
    fn magic_prefixes_are_truncated_and_other_bytes_bad() {
        let kind = |input: &[u8]| decode_header(input).unwrap_err().kind();
        assert_eq!(kind(b""), ErrorKind::Truncated);
        assert_eq!(kind(b"YJ"), ErrorKind::Truncated);
        assert_eq!(kind(b"YX"), ErrorKind::BadMagic);
        assert_eq!(kind(b"yjs\x01"), ErrorKind::BadMagic);
        assert_eq!(kind(b"YJS"), ErrorKind::Truncated);
        assert_eq!(kind(b"YJSpi"), ErrorKind::Truncated);
        assert_eq!(kind(b"YJSpx"), ErrorKind::UnsupportedVersion);
        assert_eq!(kind(b"YJS\x01\x00\x02\x02\xc0\x80"), ErrorKind::InvalidUtf8);
        assert_eq!(
            kind(b"YJS\x01\x00\x02\x02ab"),
            ErrorKind::UnknownSnapshotKind
        );
    }
}
