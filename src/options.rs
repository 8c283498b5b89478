//! `DecodeOptions`: how a decoder treats what it does not know, apart from size
//! [`Limits`](crate::Limits).

/// Choices a decoder makes besides its limits. The default, [`DecodeOptions::STRICT`], is
/// what [`decode`](crate::decode) and friends use.
///
/// A relay that forwards frames without needing to understand them can keep snapshot
/// messages of kinds this crate does not know instead of rejecting them:
///
/// ```
/// use yjs_wire::{decode, decode_with_options, DecodeOptions, ErrorKind, Frame, Limits, SnapshotMessage};
///
/// let bytes = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07\x02me";
/// assert_eq!(decode(bytes).unwrap_err().kind(), ErrorKind::UnknownSnapshotKind);
///
/// let frame = decode_with_options(bytes, &Limits::DEFAULT, &DecodeOptions::KEEP_UNKNOWN_KINDS)?;
/// let Frame::Snapshot { message: SnapshotMessage::Unknown(raw), .. } = &frame else { panic!() };
/// assert_eq!((raw.kind(), raw.payload()), ("snapshot-lock-request", &b"\x07\x02me"[..]));
/// assert_eq!(frame.to_vec(), bytes); // forwarded byte for byte
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct DecodeOptions {
    /// Keep a snapshot message whose kind string is not one of
    /// [`SnapshotKind::ALL`](crate::SnapshotKind::ALL) as
    /// [`SnapshotMessage::Unknown`](crate::SnapshotMessage::Unknown) (the kind string and the
    /// rest of the frame, held to `max_payload_bytes`) instead of failing with
    /// [`ErrorKind::UnknownSnapshotKind`](crate::ErrorKind). The kind string itself must
    /// still be valid UTF-8 within `max_string_bytes`. Off by default.
    pub keep_unknown_kinds: bool,
}

impl DecodeOptions {
    /// Reject everything this crate does not know (the default).
    ///
    /// ```
    /// use yjs_wire::DecodeOptions;
    ///
    /// assert_eq!(DecodeOptions::default(), DecodeOptions::STRICT);
    /// assert!(!DecodeOptions::STRICT.keep_unknown_kinds);
    /// ```
    pub const STRICT: DecodeOptions = DecodeOptions {
        keep_unknown_kinds: false,
    };

    /// Keep unknown snapshot kinds as raw payloads (for relays).
    ///
    /// ```
    /// use yjs_wire::DecodeOptions;
    ///
    /// assert!(DecodeOptions::KEEP_UNKNOWN_KINDS.keep_unknown_kinds);
    /// ```
    pub const KEEP_UNKNOWN_KINDS: DecodeOptions = DecodeOptions {
        keep_unknown_kinds: true,
    };
}
