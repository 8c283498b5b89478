//! `RawSnapshot`: a snapshot message of a kind this crate does not know, kept as bytes.
//!
//! Strict decoding rejects unknown kinds (`unknown-snapshot-kind`). A relay that forwards
//! frames it does not need to understand can opt in with
//! [`Decoder::keep_unknown_kinds`](crate::Decoder::keep_unknown_kinds): the kind string and every
//! byte after it are then kept, and encoding writes them back unchanged.
//!
//! ```text
//! unknown snapshot = varString(kind) • payload     (payload = the rest of the frame)
//! ```

use core::fmt;

use crate::{
    lib0::Sink,
    snapshot::parse::{fail, Cx, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind,
};

use super::SnapshotKind;

/// An unknown snapshot kind's string and its undecoded payload.
///
/// The kind is never one of [`SnapshotKind::ALL`] (so a frame holding a `RawSnapshot` never
/// encodes to a known kind with a wrong payload); the payload is every byte after the kind
/// string, up to the end of the frame.
///
/// ```
/// use yjs_wire::{snapshot::{Borrowed, RawSnapshot}};
///
/// let raw = RawSnapshot::<Borrowed>::new("snapshot-lock-request", &[0x07][..]).unwrap();
/// assert_eq!((raw.kind(), raw.payload()), ("snapshot-lock-request", &[0x07][..]));
/// assert_eq!(RawSnapshot::<Borrowed>::new("list-snapshots", &[][..]), None);
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct RawSnapshot<S: Storage> {
    kind: S::Str,
    payload: S::Bytes,
}

impl<S: Storage> RawSnapshot<S> {
    /// A raw message, or `None` if `kind` is a kind this crate knows (build that message
    /// instead).
    ///
    /// ```
    /// use yjs_wire::{Frame, snapshot::{Borrowed, RawSnapshot, SnapshotMessage}};
    ///
    /// let raw = RawSnapshot::<Borrowed>::new("x-lock", &[0x07][..]).unwrap();
    /// let frame = Frame::Snapshot { document: "d", message: SnapshotMessage::Unknown(raw) };
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x06x-lock\x07");
    /// ```
    pub fn new(kind: impl Into<S::Str>, payload: impl Into<S::Bytes>) -> Option<Self> {
        let kind = kind.into();
        if SnapshotKind::from_wire(kind.as_bytes()).is_some() {
            return None;
        }
        Some(RawSnapshot {
            kind,
            payload: payload.into(),
        })
    }

    /// The kind string, exactly as on the wire.
    ///
    /// ```
    /// use yjs_wire::{snapshot::SnapshotMessage, Decoder, Frame};
    ///
    /// // 15 "snapshot-lock-request" (a kind this crate does not know) • 07
    /// let bytes = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07";
    /// let frame = Decoder::new().keep_unknown_kinds(true).decode(bytes)?;
    /// let Frame::Snapshot { message: SnapshotMessage::Unknown(raw), .. } = &frame else { unreachable!() };
    /// assert_eq!((raw.kind(), raw.payload()), ("snapshot-lock-request", &b"\x07"[..]));
    /// assert_eq!(frame.to_vec(), bytes);
    /// # Ok::<(), yjs_wire::Error>(())
    /// ```
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The payload bytes after the kind string, up to the end of the frame.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, RawSnapshot}};
    ///
    /// let raw = RawSnapshot::<Borrowed>::new("snapshot-lock-request", &[0x07, 0x00][..]).unwrap();
    /// assert_eq!(raw.payload(), b"\x07\x00");
    /// ```
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The kind string and payload in their storage.
    ///
    /// ```
    /// use yjs_wire::{snapshot::{Borrowed, RawSnapshot}};
    ///
    /// let raw = RawSnapshot::<Borrowed>::new("x-ping", &[0x01][..]).unwrap();
    /// assert_eq!(raw.into_parts(), ("x-ping", &[0x01][..]));
    /// ```
    pub fn into_parts(self) -> (S::Str, S::Bytes) {
        (self.kind, self.payload)
    }

    /// Take the whole rest of the frame as the payload, held to `max_payload_bytes`.
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        kind: S::Str,
        input: &'i [u8],
    ) -> PResult<'i, Self> {
        if input.len() > cx.limits.max_payload_bytes {
            return fail(
                ErrorKind::LimitExceeded,
                input,
                "the unknown kind's payload",
            );
        }
        let payload = cx.src.bytes(input);
        let rest = input.get(input.len()..).unwrap_or_default();
        Ok((rest, RawSnapshot { kind, payload }))
    }

    /// Write `varString(kind) • payload`.
    /// The same message with its parts in another storage.
    pub(crate) fn map_parts<T: Storage>(
        &self,
        text: impl FnOnce(&str) -> T::Str,
        bytes: impl FnOnce(&[u8]) -> T::Bytes,
    ) -> RawSnapshot<T> {
        RawSnapshot {
            kind: text(&self.kind),
            payload: bytes(&self.payload),
        }
    }

    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_bytes(self.kind.as_bytes());
        out.put_slice(&self.payload);
    }
}

/// JSON form: `{"type": KIND, "payload": HEX}` (the kind string in `type`, as for known kinds).
#[cfg(feature = "serde")]
impl<S: Storage> serde::Serialize for RawSnapshot<S> {
    fn serialize<Ser: serde::Serializer>(&self, serializer: Ser) -> Result<Ser::Ok, Ser::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("type", &*self.kind)?;
        map.serialize_entry(
            "payload",
            &format_args!("{}", crate::snapshot::json_form::hex::Hex(&self.payload)),
        )?;
        map.end()
    }
}

#[cfg(feature = "serde")]
impl<'de, S: Storage> serde::Deserialize<'de> for RawSnapshot<S>
where
    S::Str: From<alloc::string::String>,
    S::Bytes: From<alloc::vec::Vec<u8>>,
{
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(
            deny_unknown_fields,
            bound(
                deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
            )
        )]
        struct Form<S: Storage> {
            #[serde(rename = "type", with = "crate::snapshot::json_form::text")]
            kind: S::Str,
            #[serde(with = "crate::snapshot::json_form::hex")]
            payload: S::Bytes,
        }
        let form = Form::<S>::deserialize(deserializer)?;
        RawSnapshot::new(form.kind, form.payload).ok_or_else(|| {
            serde::de::Error::custom("a known snapshot kind cannot be given as a raw payload")
        })
    }
}

impl<S: Storage> fmt::Debug for RawSnapshot<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawSnapshot")
            .field("kind", &&*self.kind)
            .field("payload_len", &self.payload.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use bytes::Bytes;

    use super::*;
    use crate::{
        decode,
        snapshot::{Borrowed, FrameKind, SnapshotMessage},
        Decoder, Frame, Limits,
    };

    const LOCK: &[u8] = b"YJS\x01\x01d\x02\x15snapshot-lock-request\x07\x02me\xff";

    #[test]
    fn strict_by_default_kept_on_request_and_written_back() {
        let err = decode(LOCK).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::UnknownSnapshotKind, 7)
        );

        let frame = Decoder::new()
            .keep_unknown_kinds(true)
            .decode(LOCK)
            .unwrap();
        let Frame::Snapshot {
            message: SnapshotMessage::Unknown(raw),
            ..
        } = &frame
        else {
            panic!("{frame:?}")
        };
        assert_eq!(raw.kind(), "snapshot-lock-request");
        assert_eq!(raw.payload(), b"\x07\x02me\xff");
        assert_eq!(frame.kind(), FrameKind::Snapshot(SnapshotKind::Unknown));
        assert_eq!(frame.to_vec(), LOCK);
        assert_eq!(frame.encoded_len(), LOCK.len());

        let input = Bytes::from_static(LOCK);
        let shared = Decoder::new()
            .keep_unknown_kinds(true)
            .decode_shared(&input)
            .unwrap();
        assert_eq!(shared.to_bytes(), input);
        let header = Decoder::new()
            .keep_unknown_kinds(true)
            .decode_header(LOCK)
            .unwrap();
        assert_eq!(header.kind(), FrameKind::Snapshot(SnapshotKind::Unknown));
        assert_eq!(header.payload_offset(), LOCK.len() - 5);
    }

    #[test]
    fn known_kinds_and_string_rules_are_unchanged() {
        let limits = Limits::DEFAULT;
        for frame in crate::snapshot::kinds::tests::one_of_each() {
            let bytes = frame.to_vec();
            let kept = Decoder::new()
                .with_limits(limits)
                .keep_unknown_kinds(true)
                .decode(&bytes)
                .unwrap();
            assert_eq!(kept.kind(), frame.kind());
        }
        // A known kind with a bad payload is still an error, not a raw message.
        let err = Decoder::new()
            .with_limits(limits)
            .keep_unknown_kinds(true)
            .decode(b"YJS\x01\x01d\x02\x0elist-snapshots\x00")
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::TrailingBytes);
        let err = Decoder::new()
            .with_limits(limits)
            .keep_unknown_kinds(true)
            .decode(b"YJS\x01\x01d\x02\x02\xff\xfe")
            .unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::InvalidUtf8, 7));
        let mut small = Limits::DEFAULT;
        small.max_payload_bytes = 3;
        let err = Decoder::new()
            .with_limits(small)
            .keep_unknown_kinds(true)
            .decode(LOCK)
            .unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::LimitExceeded, LOCK.len() - 5)
        );
        // An empty kind string and an empty payload are kept too.
        let empty = b"YJS\x01\x01d\x02\x00";
        let frame = Decoder::new()
            .with_limits(limits)
            .keep_unknown_kinds(true)
            .decode(empty)
            .unwrap();
        assert_eq!(frame.to_vec(), empty);
    }

    #[test]
    fn cannot_hold_a_known_kind() {
        for kind in SnapshotKind::ALL {
            assert_eq!(RawSnapshot::<Borrowed>::new(kind.as_str(), &[][..]), None);
        }
        assert!(RawSnapshot::<Borrowed>::new("unknown", &[][..]).is_some());
    }

    #[cfg(feature = "serde")]
    #[test]
    fn json_form_is_written_not_read() {
        let frame = Decoder::new()
            .keep_unknown_kinds(true)
            .decode(LOCK)
            .unwrap();
        let json = serde_json::to_string(&frame).unwrap();
        assert_eq!(
            json,
            r#"{"document":"d","type":"snapshot","payload":{"type":"snapshot-lock-request","payload":"07026d65ff"}}"#
        );
        assert!(serde_json::from_str::<Frame<crate::snapshot::Shared>>(&json).is_err());
        let raw: RawSnapshot<crate::snapshot::Shared> =
            serde_json::from_str(r#"{"type":"x","payload":"00"}"#).unwrap();
        assert_eq!(raw.payload(), [0]);
        assert!(
            serde_json::from_str::<RawSnapshot<crate::snapshot::Shared>>(
                r#"{"type":"list-snapshots","payload":""}"#
            )
            .is_err()
        );
    }
}
