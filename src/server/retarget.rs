//! Retargeting: the same frame for another document, without decoding or copying the body.
//!
//! ```text
//! before:  59 4a 53 01 | 03 "doc"      | 00 02 02 01 ff    (type • body)
//! after:   59 4a 53 01 | 07 "team/doc" | 00 02 02 01 ff    same bytes, same memory
//!          └─ new header (small Bytes) ┘└─ original body: Bytes::slice ─┘
//! ```
//!
//! The result is a [`VectoredFrame`]: the new header as its head, the original body as its
//! body. Only the header is decoded (magic, version, name, type, sub-type or kind), so the cost
//! does not depend on the body's size. The body is not validated: a server that forwards
//! untrusted frames decodes them first (in [`Borrowed`](crate::snapshot::Borrowed) storage that
//! allocates nothing).

use alloc::vec::Vec;
use bytes::Bytes;

use crate::{server::check_document_name, snapshot::frame::header, Decoder, Error, VectoredFrame};

/// Why a frame could not be retargeted.
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::{server::{retarget, RetargetError}, ErrorKind};
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
    /// With the new name the frame would be longer than [`Limits::max_frame_bytes`](crate::Limits::max_frame_bytes).
    #[error("the retargeted frame would be {len} bytes, over the frame limit")]
    FrameTooLong {
        /// The length it would have.
        len: usize,
    },
}

/// The frame `frame` for the document `document`, its header read by [`Decoder::STRICT`]:
/// see [`Decoder::retarget`].
///
/// # Errors
///
/// As [`Decoder::retarget`].
///
/// ```
/// use bytes::Bytes;
/// use yjs_wire::server::{retarget, RetargetError};
///
/// let frame = Bytes::from_static(b"YJS\x01\x01d\x01\x01\x2a"); // awareness for "d"
/// assert_eq!(retarget(&frame, "doc")?.to_vec(), b"YJS\x01\x03doc\x01\x01\x2a");
/// assert_eq!(retarget(&Bytes::from_static(b"YJSpong"), "doc"), Err(RetargetError::NoDocument));
/// # Ok::<(), yjs_wire::server::RetargetError>(())
/// ```
pub fn retarget(frame: &Bytes, document: &str) -> Result<VectoredFrame, RetargetError> {
    Decoder::STRICT.retarget(frame, document)
}

impl Decoder {
    /// The frame `frame` for the document `document`, as a [`VectoredFrame`]: a new header as
    /// its head and a slice of `frame` (from the message-type byte on) as its body.
    ///
    /// Decodes the header of `frame` only, as this decoder does (its limits; with
    /// [`keep_unknown_kinds`](Decoder::keep_unknown_kinds) a snapshot message of an unknown
    /// kind is retargeted too), and checks `document` with [`check_document_name`] under its
    /// limits. The result decodes (by this decoder) exactly when `frame` does, to the same
    /// message with the new name.
    ///
    /// # Errors
    ///
    /// - [`RetargetError::Frame`] if the header of `frame` does not decode;
    /// - [`RetargetError::NoDocument`] for ping and pong;
    /// - [`RetargetError::Name`] if `document` is longer than [`Limits::max_name_bytes`](crate::Limits::max_name_bytes);
    /// - [`RetargetError::FrameTooLong`] if the result would be over
    ///   [`Limits::max_frame_bytes`](crate::Limits::max_frame_bytes).
    ///
    /// ```
    /// use bytes::Bytes;
    /// use yjs_wire::{server::RetargetError, Decoder, Limits};
    ///
    /// let frame = Bytes::from_static(b"YJS\x01\x01d\x01\x01\x2a"); // awareness, 9 bytes
    /// let mut limits = Limits::DEFAULT;
    /// limits.max_frame_bytes = 10;
    /// let decoder = Decoder::new().with_limits(limits);
    /// assert_eq!(decoder.retarget(&frame, "do")?.to_vec(), b"YJS\x01\x02do\x01\x01\x2a");
    /// assert_eq!(
    ///     decoder.retarget(&frame, "doc"),
    ///     Err(RetargetError::FrameTooLong { len: 11 })
    /// );
    /// # Ok::<(), RetargetError>(())
    /// ```
    pub fn retarget(&self, frame: &Bytes, document: &str) -> Result<VectoredFrame, RetargetError> {
        let limits = self.limits();
        let head = self.decode_header(frame).map_err(RetargetError::Frame)?;
        if head.document().is_none() {
            return Err(RetargetError::NoDocument);
        }
        let document =
            check_document_name(document.as_bytes(), limits).map_err(RetargetError::Name)?;
        let body = frame.slice(head.type_offset()..);
        let mut new_header = Vec::with_capacity(header::prefix_len(document));
        header::write_prefix(&mut new_header, document);
        let len = new_header.len().saturating_add(body.len());
        if len > limits.max_frame_bytes {
            return Err(RetargetError::FrameTooLong { len });
        }
        Ok(VectoredFrame::from_parts(Bytes::from(new_header), body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        decode_shared,
        snapshot::{Shared, SnapshotMeta},
        ErrorKind, Frame, Limits, U53,
    };
    use bytes::Buf;

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
                assert_eq!(moved.head().len() + moved.body().len(), moved.remaining());
                // Contiguous and vectored forms hold the same bytes.
                let contiguous = moved.to_bytes();
                let mut buf = moved.clone();
                assert_eq!(buf.chunk(), &moved.head()[..]);
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
        let decoder = Decoder::new().with_limits(limits);
        assert!(decoder.retarget(&frame, "docs").is_ok());
        assert_eq!(
            decoder.retarget(&frame, "docs!"),
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

    /// A relay's decoder (unknown kinds kept) moves a frame of a kind this crate does not
    /// know; the strict one refuses it at the kind.
    #[test]
    fn a_decoder_retargets_under_its_own_rules() {
        let lock = Bytes::from_static(b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07\x02me");
        let Err(RetargetError::Frame(err)) = retarget(&lock, "e") else {
            panic!("strict retarget of an unknown kind")
        };
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::UnknownSnapshotKind, 7)
        );
        let relay = Decoder::new().keep_unknown_kinds(true);
        let moved = relay.retarget(&lock, "e").unwrap();
        assert_eq!(
            moved.to_vec(),
            b"YJS\x01\x01e\x02\x15snapshot-lock-request\x07\x02me"
        );
        assert_eq!(moved.body().as_ptr(), lock[6..].as_ptr());
        // The new name is checked under the decoder's limits.
        let mut limits = Limits::DEFAULT;
        limits.max_name_bytes = 1;
        let short = relay.with_limits(limits);
        assert!(short.retarget(&lock, "e").is_ok());
        let Err(RetargetError::Name(err)) = short.retarget(&lock, "ee") else {
            panic!("a 2-byte name over a 1-byte limit")
        };
        assert_eq!(err.kind(), ErrorKind::LimitExceeded);
    }
}
