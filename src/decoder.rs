//! [`Decoder`]: one configurable decoder value, and the three free functions that use the
//! default one ([`decode`], [`decode_shared`], [`decode_header`]).
//!
//! ```text
//! decode(bytes)                         = Decoder::new().decode(bytes)
//! Decoder::new().with_limits(limits)    other size limits
//!               .keep_unknown_kinds(true)   relays: keep snapshot kinds this crate does not know
//! ```

use bytes::Bytes;

use crate::{
    snapshot::frame::{self, Header},
    snapshot::storage::{Borrowed, Shared},
    Error, Frame, Limits,
};

/// How to decode: the [`Limits`] to hold a frame to, and what to do with what this crate
/// does not know. A small `Copy` value; build it once and reuse it.
///
/// The default ([`Decoder::new`], [`Decoder::STRICT`]) is what [`decode`], [`decode_shared`]
/// and [`decode_header`] use: [`Limits::DEFAULT`], unknown snapshot kinds rejected. The
/// fields are private so that later choices (such as the protocol dialect) can be added
/// without breaking anyone.
///
/// A relay that forwards frames without needing to understand them can keep snapshot
/// messages of kinds this crate does not know instead of rejecting them:
///
/// ```
/// use yjs_wire::{decode, snapshot::SnapshotMessage, Decoder, ErrorKind, Frame};
///
/// let bytes = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07\x02me";
/// assert_eq!(decode(bytes).unwrap_err().kind(), ErrorKind::UnknownSnapshotKind);
///
/// let relay = Decoder::new().keep_unknown_kinds(true);
/// let frame = relay.decode(bytes)?;
/// let Frame::Snapshot { message: SnapshotMessage::Unknown(raw), .. } = &frame else { panic!() };
/// assert_eq!((raw.kind(), raw.payload()), ("snapshot-lock-request", &b"\x07\x02me"[..]));
/// assert_eq!(frame.to_vec(), bytes); // forwarded byte for byte
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decoder {
    limits: Limits,
    keep_unknown_kinds: bool,
}

impl Default for Decoder {
    fn default() -> Decoder {
        Decoder::STRICT
    }
}

impl Decoder {
    /// [`Limits::DEFAULT`], everything this crate does not know rejected.
    ///
    /// ```
    /// use yjs_wire::{Decoder, Limits};
    ///
    /// assert_eq!(Decoder::default(), Decoder::STRICT);
    /// assert_eq!(Decoder::STRICT.limits(), &Limits::DEFAULT);
    /// assert!(!Decoder::STRICT.keeps_unknown_kinds());
    /// ```
    pub const STRICT: Decoder = Decoder {
        limits: Limits::DEFAULT,
        keep_unknown_kinds: false,
    };

    /// The default decoder, [`Decoder::STRICT`].
    pub const fn new() -> Decoder {
        Decoder::STRICT
    }

    /// The same decoder with other [`Limits`].
    ///
    /// ```
    /// use yjs_wire::{Decoder, ErrorKind, Limits};
    ///
    /// let mut limits = Limits::DEFAULT;
    /// limits.max_name_bytes = 3;
    /// let err = Decoder::new().with_limits(limits).decode(b"YJS\x01\x04docs\x01\x00").unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 4));
    /// ```
    pub const fn with_limits(self, limits: Limits) -> Decoder {
        Decoder { limits, ..self }
    }

    /// The same decoder, keeping (`true`) or rejecting (`false`, the default) a snapshot
    /// message whose kind string is not one of
    /// [`SnapshotKind::ALL`](crate::snapshot::SnapshotKind::ALL). Kept, it is a
    /// [`SnapshotMessage::Unknown`](crate::snapshot::SnapshotMessage::Unknown) (the kind
    /// string and the rest of the frame, held to `max_payload_bytes`) that encodes back byte
    /// for byte; rejected, it is [`ErrorKind::UnknownSnapshotKind`](crate::ErrorKind). The
    /// kind string itself must still be valid UTF-8 within `max_string_bytes`.
    pub const fn keep_unknown_kinds(self, keep: bool) -> Decoder {
        Decoder {
            keep_unknown_kinds: keep,
            ..self
        }
    }

    /// The limits this decoder holds frames to.
    pub const fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Whether this decoder keeps unknown snapshot kinds.
    pub const fn keeps_unknown_kinds(&self) -> bool {
        self.keep_unknown_kinds
    }

    /// Decode one whole frame into [`Borrowed`] storage: every string and byte array is a
    /// slice of `input`; nothing is allocated.
    ///
    /// ```
    /// use yjs_wire::{Decoder, Frame};
    ///
    /// let frame = Decoder::new().decode(b"YJS\x01\x03doc\x01\x02\x2a\x2b")?;
    /// assert_eq!(frame, Frame::awareness("doc", &[0x2a, 0x2b][..]));
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    #[inline]
    pub fn decode<'a>(&self, input: &'a [u8]) -> Result<Frame<Borrowed<'a>>, Error> {
        frame::decode_borrowed(input, &self.limits, self.keep_unknown_kinds)
    }

    /// Decode one whole frame into [`Shared`] storage: every string and byte array is a
    /// reference-counted slice of `input` (no copy); the frame outlives the borrow.
    ///
    /// ```
    /// use yjs_wire::{bytes::Bytes, Decoder};
    ///
    /// let input = Bytes::from_static(b"YJS\x01\x03doc\x01\x02\x2a\x2b");
    /// let frame = Decoder::new().decode_shared(&input)?;
    /// assert_eq!(frame.document(), Some("doc"));
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    #[inline]
    pub fn decode_shared(&self, input: &Bytes) -> Result<Frame<Shared>, Error> {
        frame::decode_shared_in(input, &self.limits, self.keep_unknown_kinds)
    }

    /// Decode only the header: the document name and the [`FrameKind`](crate::snapshot::FrameKind),
    /// to route or drop a frame cheaply. The body is not checked.
    ///
    /// ```
    /// use yjs_wire::{snapshot::SnapshotKind, Decoder, snapshot::{FrameKind}};
    ///
    /// let input = b"YJS\x01\x01d\x02\x04lock\x07";
    /// let header = Decoder::new().keep_unknown_kinds(true).decode_header(input)?;
    /// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::Unknown));
    /// assert_eq!(header.payload_offset(), 12); // the payload 07
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    #[inline]
    pub fn decode_header<'a>(&self, input: &'a [u8]) -> Result<Header<'a>, Error> {
        frame::decode_header_in(input, &self.limits, self.keep_unknown_kinds)
    }
}

/// Decode one whole frame with the default [`Decoder`], into [`Borrowed`] storage: every
/// string and byte array is a slice of `input`; nothing is allocated.
///
/// ```
/// use yjs_wire::{decode, ErrorKind, Frame};
///
/// assert_eq!(decode(b"YJSping"), Ok(Frame::Ping));
/// assert_eq!(decode(b"YJSping!").unwrap_err().kind(), ErrorKind::TrailingBytes);
/// ```
#[inline]
pub fn decode(input: &[u8]) -> Result<Frame<Borrowed<'_>>, Error> {
    // Not through `Decoder::STRICT`: a `Decoder` value on the stack costs a copy of the
    // limits on every call (measured: about 10 instructions a frame).
    frame::decode_borrowed(input, &Limits::DEFAULT, false)
}

/// Decode one whole frame with the default [`Decoder`], into [`Shared`] storage (`Bytes`
/// slices of `input`, no copy), so the frame outlives the input borrow.
///
/// ```
/// use yjs_wire::{bytes::Bytes, decode_shared};
///
/// let input = Bytes::from_static(b"YJS\x01\x03doc\x01\x02\x2a\x2b");
/// let frame = decode_shared(&input)?;
/// assert_eq!(frame.to_bytes(), input);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[inline]
pub fn decode_shared(input: &Bytes) -> Result<Frame<Shared>, Error> {
    frame::decode_shared_in(input, &Limits::DEFAULT, false)
}

/// Decode only the header with the default [`Decoder`]: the document name and the
/// [`FrameKind`](crate::snapshot::FrameKind), to route or drop a frame cheaply.
///
/// ```
/// use yjs_wire::{decode_header, snapshot::SnapshotKind, snapshot::{FrameKind}};
///
/// let header = decode_header(b"YJS\x01\x01d\x02\x0elist-snapshots")?;
/// assert_eq!(header.document(), Some("d"));
/// assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::ListSnapshots));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[inline]
pub fn decode_header(input: &[u8]) -> Result<Header<'_>, Error> {
    frame::decode_header_in(input, &Limits::DEFAULT, false)
}
