//! `Frame`: one whole message of the protocol, its strict decoders and its encoder.
//!
//! ```text
//! frame = "YJS" • 0x01 • varString(document) • messageType • body
//!       | "YJSping" | "YJSpong"
//! ```

mod build;
pub(crate) mod header;
mod vectored;

use alloc::vec::Vec;
use bytes::{BufMut, Bytes};

pub use header::{FrameKind, Header, MessageType, MAGIC, PING, PONG, VERSION};

use crate::{
    awareness::AwarenessMessage,
    doc::DocMessage,
    lib0::{LenCounter, Sink},
    parse::{fail, Cx, PResult, Source},
    snapshot::SnapshotMessage,
    storage::{Borrowed, BorrowedSource, Shared, SharedSource, Storage},
    DecodeOptions, Error, ErrorKind, Limits,
};

/// One frame of the protocol, with its strings and byte arrays in storage `S`.
///
/// - `Frame<Borrowed<'a>>` (from [`decode`]) borrows from the input and allocates nothing.
/// - `Frame<Shared>` (from [`decode_shared`]) holds `Bytes` handles into the input.
///
/// ```
/// use yjs_wire::{decode, DocMessage, Frame};
///
/// let frame = decode(b"YJS\x01\x03doc\x00\x02\x02\x01\xff").unwrap();
/// assert_eq!(frame, Frame::update("doc", &[0x01, 0xff][..]));
/// assert_eq!(frame.document(), Some("doc"));
/// assert_eq!(frame.to_vec(), b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frame<S: Storage> {
    /// `YJSping`: liveness probe.
    Ping,
    /// `YJSpong`: answer to a ping.
    Pong,
    /// Message type `0x00`: Y.js document sync.
    Doc {
        /// The document the message is for.
        document: S::Str,
        /// The sync message.
        message: DocMessage<S>,
    },
    /// Message type `0x01`: awareness.
    Awareness {
        /// The document the message is for.
        document: S::Str,
        /// The awareness update.
        message: AwarenessMessage<S>,
    },
    /// Message type `0x02`: snapshots.
    Snapshot {
        /// The document the message is for.
        document: S::Str,
        /// The snapshot message.
        message: SnapshotMessage<S>,
    },
}

impl<S: Storage> Frame<S> {
    /// The document name, or `None` for ping and pong.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// assert_eq!(Frame::<Borrowed>::list_snapshots("d").document(), Some("d"));
    /// assert_eq!(Frame::<Borrowed>::Ping.document(), None);
    /// ```
    pub fn document(&self) -> Option<&str> {
        match self {
            Frame::Ping | Frame::Pong => None,
            Frame::Doc { document, .. }
            | Frame::Awareness { document, .. }
            | Frame::Snapshot { document, .. } => Some(document),
        }
    }

    /// What the frame is: the same value [`decode_header`] reports for its bytes.
    ///
    /// ```
    /// use yjs_wire::{decode, decode_header, FrameKind, SnapshotKind};
    ///
    /// let bytes = b"YJS\x01\x01d\x02\x0elist-snapshots";
    /// assert_eq!(decode(bytes)?.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
    /// assert_eq!(decode(bytes)?.kind(), decode_header(bytes)?.kind());
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn kind(&self) -> FrameKind {
        match self {
            Frame::Ping => FrameKind::Ping,
            Frame::Pong => FrameKind::Pong,
            Frame::Doc { message, .. } => FrameKind::Doc(message.doc_type()),
            Frame::Awareness { .. } => FrameKind::Awareness,
            Frame::Snapshot { message, .. } => FrameKind::Snapshot(message.kind()),
        }
    }

    /// The exact number of bytes [`encode`](Self::encode) writes, computed without
    /// allocating.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// // 59 4a 53 01 | 03 "doc" | 00 02 | 02 01 02
    /// let frame = Frame::<Borrowed>::update("doc", &[0x01, 0x02][..]);
    /// assert_eq!(frame.encoded_len(), 13);
    /// assert_eq!(frame.encoded_len(), frame.to_vec().len());
    /// ```
    pub fn encoded_len(&self) -> usize {
        let mut counter = LenCounter::default();
        self.write(&mut counter);
        counter.0
    }

    /// Append the frame's bytes to `dst`.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let mut out = Vec::new();
    /// Frame::<Borrowed>::Ping.encode(&mut out);
    /// Frame::<Borrowed>::awareness("d", &[0x2a][..]).encode(&mut out);
    /// assert_eq!(out, b"YJSpingYJS\x01\x01d\x01\x01\x2a");
    /// ```
    ///
    /// # Panics
    ///
    /// If `dst` cannot grow by [`encoded_len`](Self::encoded_len) bytes (as
    /// [`BufMut::put_slice`] does); `Vec<u8>` and `BytesMut` always can.
    pub fn encode<B: BufMut>(&self, dst: &mut B) {
        self.write(dst);
    }

    /// The frame's bytes in a new `Vec`, allocated once at the exact size.
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame};
    ///
    /// let bytes = Frame::<Borrowed>::sync_step1("d", &[0x00][..]).to_vec();
    /// assert_eq!(bytes, b"YJS\x01\x01d\x00\x00\x01\x00");
    /// assert_eq!(bytes.capacity(), bytes.len());
    /// ```
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }

    /// The frame's bytes as `Bytes` (one allocation, as [`to_vec`](Self::to_vec)).
    ///
    /// ```
    /// use yjs_wire::{decode_shared, Borrowed, Frame};
    ///
    /// let bytes = Frame::<Borrowed>::list_snapshots("d").to_bytes();
    /// assert_eq!(&bytes[..], b"YJS\x01\x01d\x02\x0elist-snapshots");
    /// assert_eq!(decode_shared(&bytes)?.to_bytes(), bytes);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Bytes {
        Bytes::from(self.to_vec())
    }

    fn write<W: Sink>(&self, out: &mut W) {
        match self {
            Frame::Ping => out.put_slice(&PING),
            Frame::Pong => out.put_slice(&PONG),
            Frame::Doc { document, message } => {
                header::write(out, document, MessageType::Doc);
                message.write(out);
            }
            Frame::Awareness { document, message } => {
                header::write(out, document, MessageType::Awareness);
                message.write(out);
            }
            Frame::Snapshot { document, message } => {
                header::write(out, document, MessageType::Snapshot);
                message.write(out);
            }
        }
    }
}

/// Decode one whole frame, borrowing every string and byte array from `input`, under
/// [`Limits::DEFAULT`]. Allocates nothing.
///
/// # Errors
///
/// Any [`ErrorKind`] of `spec/errors.md`: bad magic or version, unknown type or kind,
/// truncation, invalid UTF-8, non-canonical or out-of-range varints, limits, trailing bytes.
///
/// ```
/// use yjs_wire::{decode, ErrorKind, Frame};
///
/// assert_eq!(decode(b"YJSping"), Ok(Frame::Ping));
/// assert_eq!(decode(b"YJSping!").unwrap_err().kind(), ErrorKind::TrailingBytes);
/// ```
pub fn decode(input: &[u8]) -> Result<Frame<Borrowed<'_>>, Error> {
    decode_with(input, &Limits::DEFAULT)
}

/// [`decode`] under the given limits.
///
/// # Errors
///
/// As [`decode`], with [`ErrorKind::LimitExceeded`] for anything over `limits`.
///
/// ```
/// use yjs_wire::{decode_with, ErrorKind, Limits};
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_payload_bytes = 1;
/// // An update of 2 bytes: its varUint8Array starts at byte 8.
/// let err = decode_with(b"YJS\x01\x01d\x00\x02\x02\x01\x02", &limits).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 8));
/// assert!(decode_with(b"YJS\x01\x01d\x00\x02\x01\x01", &limits).is_ok());
/// ```
pub fn decode_with<'a>(input: &'a [u8], limits: &Limits) -> Result<Frame<Borrowed<'a>>, Error> {
    decode_in(&Cx::new(BorrowedSource, limits), input)
}

/// [`decode_with`] under the given options. With
/// [`keep_unknown_kinds`](DecodeOptions::keep_unknown_kinds), a snapshot message of a kind
/// this crate does not know decodes to
/// [`SnapshotMessage::Unknown`](crate::SnapshotMessage::Unknown) holding the kind string and
/// the rest of the frame; encoding it gives back the input.
///
/// # Errors
///
/// As [`decode_with`], except that an unknown snapshot kind is not an error when kept.
///
/// ```
/// use yjs_wire::{decode_with, decode_with_options, DecodeOptions, ErrorKind, Limits};
///
/// // Kind "lock" (04 6c 6f 63 6b) with a one-byte payload 07.
/// let input = b"YJS\x01\x01d\x02\x04lock\x07";
/// let err = decode_with(input, &Limits::DEFAULT).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::UnknownSnapshotKind, 7));
/// let kept = decode_with_options(input, &Limits::DEFAULT, &DecodeOptions::KEEP_UNKNOWN_KINDS)?;
/// assert_eq!(kept.to_vec(), input); // byte for byte
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn decode_with_options<'a>(
    input: &'a [u8],
    limits: &Limits,
    options: &DecodeOptions,
) -> Result<Frame<Borrowed<'a>>, Error> {
    decode_in(&Cx::with_options(BorrowedSource, limits, options), input)
}

/// Decode one whole frame into [`Shared`] storage: every string and byte array is a `Bytes`
/// slice of `input` (no copy), each string checked once. Uses [`Limits::DEFAULT`].
///
/// # Errors
///
/// As [`decode`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{decode_shared, Frame};
///
/// let input = Bytes::from_static(b"YJS\x01\x03doc\x01\x01\x2a");
/// let Frame::Awareness { document, message } = decode_shared(&input).unwrap() else { panic!() };
/// assert_eq!(&*document, "doc");
/// assert_eq!(message.update.as_ptr(), input[10..].as_ptr()); // shares the input's memory
/// ```
pub fn decode_shared(input: &Bytes) -> Result<Frame<Shared>, Error> {
    decode_shared_with(input, &Limits::DEFAULT)
}

/// [`decode_shared`] under the given limits.
///
/// # Errors
///
/// As [`decode_with`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{decode_shared_with, ErrorKind, Limits};
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_name_bytes = 2;
/// // The document name "doc" (03 64 6f 63) starts at byte 4.
/// let input = Bytes::from_static(b"YJS\x01\x03doc\x01\x00");
/// let err = decode_shared_with(&input, &limits).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 4));
/// ```
pub fn decode_shared_with(input: &Bytes, limits: &Limits) -> Result<Frame<Shared>, Error> {
    decode_in(&Cx::new(SharedSource(input), limits), input)
}

/// [`decode_shared_with`] under the given options (see [`decode_with_options`]).
///
/// # Errors
///
/// As [`decode_with_options`].
///
/// ```
/// use yjs_wire::{bytes::Bytes, decode_shared_with_options, DecodeOptions, Limits};
///
/// let input = Bytes::from_static(b"YJS\x01\x01d\x02\x04lock\x07");
/// let frame =
///     decode_shared_with_options(&input, &Limits::DEFAULT, &DecodeOptions::KEEP_UNKNOWN_KINDS)?;
/// assert_eq!(frame.to_bytes(), input);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn decode_shared_with_options(
    input: &Bytes,
    limits: &Limits,
    options: &DecodeOptions,
) -> Result<Frame<Shared>, Error> {
    decode_in(
        &Cx::with_options(SharedSource(input), limits, options),
        input,
    )
}

/// Decode only the header: document name and [`FrameKind`] (message type, doc sub-type or
/// snapshot kind), without reading the payload. Uses [`Limits::DEFAULT`].
///
/// For any input, if [`decode`] succeeds this succeeds with the same document and kind; if
/// this fails, [`decode`] fails with the same error. The payload is not checked, so a frame
/// whose header decodes may still be rejected by [`decode`].
///
/// # Errors
///
/// The errors of [`decode`] that concern the header, and [`ErrorKind::TrailingBytes`] after
/// ping or pong.
///
/// ```
/// use yjs_wire::{decode_header, FrameKind, SnapshotKind};
///
/// let header = decode_header(b"YJS\x01\x03doc\x02\x0elist-snapshots").unwrap();
/// assert_eq!(header.document(), Some("doc"));
/// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
/// ```
pub fn decode_header(input: &[u8]) -> Result<Header<'_>, Error> {
    decode_header_with(input, &Limits::DEFAULT)
}

/// [`decode_header`] under the given limits.
///
/// # Errors
///
/// As [`decode_header`]: [`ErrorKind::LimitExceeded`] for a frame over
/// `limits.max_frame_bytes` (at offset 0) or a document name or kind string over its limit.
///
/// ```
/// use yjs_wire::{decode_header_with, ErrorKind, Limits};
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_frame_bytes = 8;
/// assert!(decode_header_with(b"YJSping", &limits).is_ok());
/// let err = decode_header_with(b"YJS\x01\x01d\x01\x01\x2a", &limits).unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 0));
/// ```
pub fn decode_header_with<'a>(input: &'a [u8], limits: &Limits) -> Result<Header<'a>, Error> {
    decode_header_with_options(input, limits, &DecodeOptions::STRICT)
}

/// [`decode_header_with`] under the given options: with
/// [`keep_unknown_kinds`](DecodeOptions::keep_unknown_kinds) an unknown snapshot kind is
/// reported as [`SnapshotKind::Unknown`](crate::SnapshotKind::Unknown) instead of an error.
///
/// # Errors
///
/// As [`decode_header`].
///
/// ```
/// use yjs_wire::{decode_header_with_options, DecodeOptions, FrameKind, Limits, SnapshotKind};
///
/// let input = b"YJS\x01\x01d\x02\x04lock\x07";
/// let header =
///     decode_header_with_options(input, &Limits::DEFAULT, &DecodeOptions::KEEP_UNKNOWN_KINDS)?;
/// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::Unknown));
/// assert_eq!(header.payload_offset(), 12); // the payload 07
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn decode_header_with_options<'a>(
    input: &'a [u8],
    limits: &Limits,
    options: &DecodeOptions,
) -> Result<Header<'a>, Error> {
    let cx = Cx::with_options(BorrowedSource, limits, options);
    check_frame_len(input, limits)?;
    let (body, head) = header::parse(&cx, input).map_err(|e| e.into_error(input))?;
    if head.document.is_none() {
        check_end(body).map_err(|e| e.into_error(input))?;
    }
    Ok(Header::from_head(head, input, body))
}

#[inline]
fn check_frame_len(input: &[u8], limits: &Limits) -> Result<(), Error> {
    if input.len() > limits.max_frame_bytes {
        return Err(Error::new(ErrorKind::LimitExceeded, 0, "the frame"));
    }
    Ok(())
}

#[inline]
fn check_end(rest: &[u8]) -> PResult<'_, ()> {
    if rest.is_empty() {
        Ok((rest, ()))
    } else {
        fail(ErrorKind::TrailingBytes, rest, "the frame")
    }
}

#[inline]
fn decode_in<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> Result<Frame<X::Storage>, Error> {
    check_frame_len(input, &cx.limits)?;
    parse_frame(cx, input)
        .map(|(_, frame)| frame)
        .map_err(|e| e.into_error(input))
}

/// Header, then body by kind, then nothing left.
#[inline]
fn parse_frame<'i, X: Source<'i>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Frame<X::Storage>> {
    let (body, head) = header::parse(cx, input)?;
    let (rest, frame) = match (head.document, head.kind) {
        (_, FrameKind::Ping) => (body, Frame::Ping),
        (_, FrameKind::Pong) => (body, Frame::Pong),
        (None, _) => return fail(ErrorKind::Truncated, input, "the frame"),
        (Some(document), FrameKind::Doc(doc_type)) => {
            let (rest, message) = DocMessage::parse(cx, doc_type, body)?;
            (rest, Frame::Doc { document, message })
        }
        (Some(document), FrameKind::Awareness) => {
            let (rest, message) = AwarenessMessage::parse(cx, body)?;
            (rest, Frame::Awareness { document, message })
        }
        (Some(document), FrameKind::Snapshot(kind)) => {
            let (rest, message) = SnapshotMessage::parse(cx, kind, head.raw_kind, body)?;
            (rest, Frame::Snapshot { document, message })
        }
    };
    check_end(rest)?;
    Ok((rest, frame))
}
