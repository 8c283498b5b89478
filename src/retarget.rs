//! Retargeting: the same frame for another document, without decoding or copying the body.
//!
//! ```text
//! before:  59 4a 53 01 | 03 "doc"      | 00 02 02 01 ff    (type • body)
//! after:   59 4a 53 01 | 07 "team/doc" | 00 02 02 01 ff    same bytes, same memory
//!          └─ new header (small Bytes) ┘└─ original body: Bytes::slice ─┘
//! ```
//!
//! Only the header is decoded (magic, version, name, type, sub-type or kind), so the cost
//! does not depend on the body's size. The body is not validated: a server that forwards
//! untrusted frames decodes them first (in [`Borrowed`](crate::snapshot::Borrowed) storage that
//! allocates nothing).

use alloc::vec::Vec;
use bytes::{buf::Chain, Buf, BufMut, Bytes};

use crate::{check_document_name, snapshot::frame::header, Decoder, Error, Limits};

/// A frame retargeted to another document: a new header and the original body.
///
/// - vectored: [`into_buf`](Self::into_buf) gives a [`Buf`] of two chunks (header, body)
///   for `write_vectored`-style sinks, with nothing copied;
/// - contiguous: [`to_bytes`](Self::to_bytes), [`to_vec`](Self::to_vec) or
///   [`encode`](Self::encode) copy both parts once, into one buffer of exactly
///   [`encoded_len`](Self::encoded_len) bytes.
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{decode, retarget, Frame};
///
/// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
/// let moved = retarget(&frame, "team/doc")?;
/// assert_eq!(moved.to_vec(), b"YJS\x01\x08team/doc\x00\x02\x02\x01\xff");
/// assert_eq!(moved.body().as_ptr(), frame[8..].as_ptr()); // the body is not copied
/// assert_eq!(decode(&moved.to_vec())?, Frame::update("team/doc", &[0x01, 0xff][..]));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Retargeted {
    header: Bytes,
    body: Bytes,
}

impl Retargeted {
    /// The new header: `"YJS"`, the version byte and `varString(document)`.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// assert_eq!(&retarget(&frame, "d")?.header()[..], b"YJS\x01\x01d");
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn header(&self) -> &Bytes {
        &self.header
    }

    /// The original frame from its message-type byte to its end: a slice sharing the
    /// original's memory.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let body = retarget(&frame, "d")?.body().clone();
    /// assert_eq!(&body[..], b"\x00\x02\x02\x01\xff"); // type 00, update, 02 01 ff
    /// assert_eq!(body.as_ptr(), frame[8..].as_ptr());
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The length of the retargeted frame, in bytes: header plus body.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// assert_eq!(retarget(&frame, "d")?.encoded_len(), 6 + 5);
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn encoded_len(&self) -> usize {
        self.header.len().saturating_add(self.body.len())
    }

    /// The frame as a two-chunk [`Buf`] (header, then body), for vectored writes.
    ///
    /// ```
    /// use bytes::{Buf, Bytes};
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let mut buf = retarget(&frame, "d")?.into_buf();
    /// assert_eq!((buf.chunk(), buf.remaining()), (&b"YJS\x01\x01d"[..], 11));
    /// buf.advance(6);
    /// assert_eq!(buf.chunk(), b"\x00\x02\x02\x01\xff");
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn into_buf(self) -> Chain<Bytes, Bytes> {
        self.header.chain(self.body)
    }

    /// Append the frame's bytes to `dst`.
    ///
    /// ```
    /// use bytes::{Bytes, BytesMut};
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let mut out = BytesMut::new();
    /// retarget(&frame, "d")?.encode(&mut out);
    /// assert_eq!(&out[..], b"YJS\x01\x01d\x00\x02\x02\x01\xff");
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    ///
    /// # Panics
    ///
    /// If `dst` cannot grow by [`encoded_len`](Self::encoded_len) bytes (as
    /// [`BufMut::put_slice`] does); `Vec<u8>` and `BytesMut` always can.
    pub fn encode<B: BufMut>(&self, dst: &mut B) {
        dst.put_slice(&self.header);
        dst.put_slice(&self.body);
    }

    /// The frame's bytes in one new `Vec`, allocated once at the exact size.
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::retarget;
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x01d\x02\x0elist-snapshots");
    /// assert_eq!(retarget(&frame, "e")?.to_vec(), b"YJS\x01\x01e\x02\x0elist-snapshots");
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.encoded_len());
        self.encode(&mut out);
        out
    }

    /// The frame's bytes as one contiguous `Bytes` (one copy).
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::{decode_shared, retarget};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x02\x01\xff");
    /// let moved = retarget(&frame, "d")?.to_bytes();
    /// assert_eq!(decode_shared(&moved).unwrap().document(), Some("d"));
    /// # Ok::<(), yjs_wire::RetargetError>(())
    /// ```
    pub fn to_bytes(&self) -> Bytes {
        Bytes::from(self.to_vec())
    }
}

impl From<Retargeted> for Chain<Bytes, Bytes> {
    fn from(frame: Retargeted) -> Self {
        frame.into_buf()
    }
}

/// Why a frame could not be retargeted.
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{retarget, ErrorKind, RetargetError};
///
/// let frame = Bytes::from_static(b"YJS\x01\x01d\x01\x00");
/// let Err(RetargetError::Name(err)) = retarget(&frame, &"x".repeat(1025)) else { panic!() };
/// assert_eq!(err.kind(), ErrorKind::LimitExceeded);
/// let Err(RetargetError::Frame(err)) = retarget(&Bytes::from_static(b"YJS\x02"), "d") else { panic!() };
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::UnsupportedVersion, 3));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum RetargetError {
    /// The frame's header does not decode (the error [`decode_header`](crate::decode_header)
    /// gives).
    #[error("the frame: {0}")]
    Frame(Error),
    /// The new name breaks the document-name rules (the error
    /// [`check_document_name`] gives).
    #[error("the new name: {0}")]
    Name(Error),
    /// Ping and pong carry no document.
    #[error("ping and pong carry no document")]
    NoDocument,
    /// With the new name the frame would be longer than [`Limits::max_frame_bytes`].
    #[error("the retargeted frame would be {len} bytes, over the frame limit")]
    FrameTooLong {
        /// The length it would have.
        len: usize,
    },
}

/// The frame `frame` for the document `document`: [`retarget_with`] under
/// [`Limits::DEFAULT`].
///
/// # Errors
///
/// As [`retarget_with`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{retarget, RetargetError};
///
/// let frame = Bytes::from_static(b"YJS\x01\x01d\x01\x01\x2a"); // awareness for "d"
/// assert_eq!(retarget(&frame, "doc")?.to_vec(), b"YJS\x01\x03doc\x01\x01\x2a");
/// assert_eq!(retarget(&Bytes::from_static(b"YJSpong"), "doc"), Err(RetargetError::NoDocument));
/// # Ok::<(), yjs_wire::RetargetError>(())
/// ```
pub fn retarget(frame: &Bytes, document: &str) -> Result<Retargeted, RetargetError> {
    retarget_with(frame, document, &Limits::DEFAULT)
}

/// The frame `frame` for the document `document`, as a new header and a slice of `frame`.
///
/// Decodes the header of `frame` only and checks `document` with [`check_document_name`].
/// The result decodes (under `limits`) exactly when `frame` does, to the same message with
/// the new name.
///
/// # Errors
///
/// - [`RetargetError::Frame`] if the header of `frame` does not decode under `limits`;
/// - [`RetargetError::NoDocument`] for ping and pong;
/// - [`RetargetError::Name`] if `document` is longer than [`Limits::max_name_bytes`];
/// - [`RetargetError::FrameTooLong`] if the result would be over [`Limits::max_frame_bytes`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{retarget_with, Limits, RetargetError};
///
/// let ping = Bytes::from_static(b"YJSping");
/// assert_eq!(retarget_with(&ping, "d", &Limits::DEFAULT), Err(RetargetError::NoDocument));
/// ```
pub fn retarget_with(
    frame: &Bytes,
    document: &str,
    limits: &Limits,
) -> Result<Retargeted, RetargetError> {
    let head = Decoder::new()
        .with_limits(*limits)
        .decode_header(frame)
        .map_err(RetargetError::Frame)?;
    if head.document().is_none() {
        return Err(RetargetError::NoDocument);
    }
    let document = check_document_name(document.as_bytes(), limits).map_err(RetargetError::Name)?;
    let body = frame.slice(head.type_offset()..);
    let mut new_header = Vec::with_capacity(header::prefix_len(document));
    header::write_prefix(&mut new_header, document);
    let len = new_header.len().saturating_add(body.len());
    if len > limits.max_frame_bytes {
        return Err(RetargetError::FrameTooLong { len });
    }
    Ok(Retargeted {
        header: Bytes::from(new_header),
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        decode_shared,
        snapshot::{Shared, SnapshotMeta},
        ErrorKind, Frame, U53,
    };

    fn meta() -> SnapshotMeta<Shared> {
        SnapshotMeta {
            id: U53::from(3u8),
            name: "v1".into(),
            created_at: U53::from(1u8),
            user_id: "u".into(),
        }
    }

    fn frames(document: &str) -> Vec<Frame<Shared>> {
        let document = &bytestring::ByteString::from(document);
        let big = vec![0xabu8; 70_000];
        vec![
            Frame::sync_step1(document, vec![1u8]),
            Frame::sync_step2(document, big.clone()),
            Frame::update(document, big),
            Frame::awareness(document, vec![]),
            Frame::list_snapshots(document),
            Frame::list_snapshots_response(document, [meta(), meta()]),
            Frame::snapshot_request(document, "a", "b"),
            Frame::snapshot_fetch_request(document, U53::MAX),
            Frame::snapshot_fetch_response(document, meta(), vec![9u8; 300]),
            Frame::snapshot_revert_request(document, U53::from(3u8)),
            Frame::snapshot_revert_response(document, meta()),
            Frame::snapshot_created_event(document, meta()),
            Frame::snapshot_reverted_event(document, meta(), "x"),
        ]
    }

    fn with_document(frame: &Frame<Shared>, document: &str) -> Frame<Shared> {
        let mut frame = frame.clone();
        match &mut frame {
            Frame::Doc { document: d, .. }
            | Frame::Awareness { document: d, .. }
            | Frame::Snapshot { document: d, .. } => *d = document.into(),
            Frame::Ping | Frame::Pong => unreachable!(),
        }
        frame
    }

    #[test]
    fn decodes_to_the_same_message_with_the_new_name_and_shares_the_body() {
        let long = "n".repeat(200); // a two-byte length prefix
        for (from, to) in [
            ("doc", "other"),
            ("", "x"),
            (long.as_str(), ""),
            ("a\0b", "é/\u{feff}"),
        ] {
            for frame in frames(from) {
                let bytes = frame.to_bytes();
                let moved = retarget(&bytes, to).unwrap();
                // Memory: the body is the original's tail, not a copy.
                let start = bytes.len() - moved.body().len();
                assert_eq!(moved.body().as_ptr(), bytes[start..].as_ptr());
                assert_eq!(
                    moved.header().len() + moved.body().len(),
                    moved.encoded_len()
                );
                // Contiguous and vectored forms hold the same bytes.
                let contiguous = moved.to_bytes();
                let mut buf = moved.clone().into_buf();
                assert_eq!(buf.chunk(), &moved.header()[..]);
                let mut gathered = Vec::new();
                while buf.has_remaining() {
                    let chunk = buf.chunk();
                    gathered.extend_from_slice(chunk);
                    let n = chunk.len();
                    buf.advance(n);
                }
                assert_eq!(gathered, contiguous);
                // Same message, new name; and the same bytes the encoder writes.
                let decoded = decode_shared(&contiguous).unwrap();
                let expected = with_document(&frame, to);
                assert_eq!(decoded, expected);
                assert_eq!(expected.to_vec(), contiguous);
            }
        }
    }

    #[test]
    fn refuses_what_it_cannot_do() {
        let ping = Bytes::from_static(b"YJSping");
        assert_eq!(retarget(&ping, "d"), Err(RetargetError::NoDocument));
        let pong = Bytes::from_static(b"YJSpong");
        assert_eq!(retarget(&pong, "d"), Err(RetargetError::NoDocument));

        for bad in [&b"YJS\x01\x03do"[..], b"YJS\x01\x03doc\x07", b"ping", b""] {
            let frame = Bytes::copy_from_slice(bad);
            assert!(matches!(
                retarget(&frame, "d"),
                Err(RetargetError::Frame(_))
            ));
        }

        let frame =
            Frame::update(crate::bytestring::ByteString::from_static("doc"), vec![1u8]).to_bytes();
        let name = "x".repeat(1025);
        let Err(RetargetError::Name(err)) = retarget(&frame, &name) else {
            panic!("a 1025-byte name is over the default limit")
        };
        assert_eq!(err.kind(), ErrorKind::LimitExceeded);

        let mut limits = Limits::DEFAULT;
        limits.max_frame_bytes = frame.len() + 1;
        assert!(retarget_with(&frame, "docs", &limits).is_ok());
        assert_eq!(
            retarget_with(&frame, "docs!", &limits),
            Err(RetargetError::FrameTooLong {
                len: frame.len() + 2
            })
        );
    }

    /// The body is not read: a frame with a broken body retargets to a frame with the same
    /// broken body, which `decode` still rejects.
    #[test]
    fn body_is_carried_not_checked() {
        let frame = Bytes::from_static(b"YJS\x01\x03doc\x00\x02\x09\x01");
        let moved = retarget(&frame, "d").unwrap().to_bytes();
        assert_eq!(&moved[..], b"YJS\x01\x01d\x00\x02\x09\x01");
        assert_eq!(
            decode_shared(&moved).unwrap_err().kind(),
            ErrorKind::Truncated
        );
    }
}
