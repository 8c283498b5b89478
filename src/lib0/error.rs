//! The one public error type: what was wrong with a frame, and at which byte.
//!
//! The offset is where the rejected element starts, counted from the frame's first byte:
//!
//! ```text
//! 59 4a 53 01 | 02 c0 80 | 00 …
//! "YJS"    01 | varString(document), not UTF-8
//!             ^ offset 4: invalid-utf8 is reported at the string's length prefix
//! ```

use core::fmt;

/// Why a frame was rejected.
///
/// Each kind has a stable kebab-case word ([`ErrorKind::as_str`]) used in the JSON form and
/// in `spec/errors.md`; new kinds may be added in minor releases.
///
/// ```
/// use yjs_wire::{decode, ErrorKind};
///
/// // 80 00 is 0 written in two bytes: only the shortest form is accepted.
/// let err = decode(b"YJS\x01\x01d\x02\x16snapshot-fetch-request\x80\x00").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::NonCanonicalVarint, 30));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input ends inside an element (`truncated`).
    Truncated,
    /// The first three bytes are not `"YJS"` (`bad-magic`).
    BadMagic,
    /// The byte after the magic is neither version `0x01` nor the start of `ping`/`pong`
    /// (`unsupported-version`).
    UnsupportedVersion,
    /// A message-type byte (or doc sub-type byte) has no meaning (`unknown-message-type`).
    UnknownMessageType,
    /// A snapshot kind string is not one this decoder knows (`unknown-snapshot-kind`).
    UnknownSnapshotKind,
    /// A varString is not valid UTF-8 (`invalid-utf8`).
    InvalidUtf8,
    /// A varUint is longer than its shortest form (`non-canonical-varint`).
    NonCanonicalVarint,
    /// A varUint is above 2^53 − 1 or longer than 8 bytes (`integer-out-of-range`).
    IntegerOutOfRange,
    /// A length, count or the frame itself is over a configured [`Limits`](crate::Limits)
    /// value (`limit-exceeded`).
    LimitExceeded,
    /// Bytes remain after a complete frame (`trailing-bytes`).
    TrailingBytes,
    /// A well-formed field holds a value its message does not allow: a snapshot state that
    /// is not one of the four states, or a checksum that is neither 0 nor 32 bytes
    /// (`invalid-value`; see `spec/snapshot-extensions.md`).
    InvalidValue,
    /// A well-formed value that the peer's encoder never writes that way, so re-encoding it
    /// would give other bytes: a lib0 `any` number under a tag `writeAny` would not choose,
    /// a NaN other than `7ff8000000000000`, object keys out of JavaScript's enumeration order
    /// or repeated, a payload teleportal would drop (`non-canonical`; see `spec/teleportal/`).
    NonCanonical,
}

impl ErrorKind {
    /// Every kind, in declaration order.
    ///
    /// ```
    /// use yjs_wire::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::ALL.len(), 12);
    /// assert_eq!(ErrorKind::ALL[0].as_str(), "truncated");
    /// ```
    pub const ALL: [ErrorKind; 12] = [
        ErrorKind::Truncated,
        ErrorKind::BadMagic,
        ErrorKind::UnsupportedVersion,
        ErrorKind::UnknownMessageType,
        ErrorKind::UnknownSnapshotKind,
        ErrorKind::InvalidUtf8,
        ErrorKind::NonCanonicalVarint,
        ErrorKind::IntegerOutOfRange,
        ErrorKind::LimitExceeded,
        ErrorKind::TrailingBytes,
        ErrorKind::InvalidValue,
        ErrorKind::NonCanonical,
    ];

    /// The stable kebab-case word for this kind, as in the JSON form.
    ///
    /// ```
    /// assert_eq!(yjs_wire::ErrorKind::NonCanonicalVarint.as_str(), "non-canonical-varint");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Truncated => "truncated",
            ErrorKind::BadMagic => "bad-magic",
            ErrorKind::UnsupportedVersion => "unsupported-version",
            ErrorKind::UnknownMessageType => "unknown-message-type",
            ErrorKind::UnknownSnapshotKind => "unknown-snapshot-kind",
            ErrorKind::InvalidUtf8 => "invalid-utf8",
            ErrorKind::NonCanonicalVarint => "non-canonical-varint",
            ErrorKind::IntegerOutOfRange => "integer-out-of-range",
            ErrorKind::LimitExceeded => "limit-exceeded",
            ErrorKind::TrailingBytes => "trailing-bytes",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::NonCanonical => "non-canonical",
        }
    }

    /// The kind whose [`as_str`](Self::as_str) word is `word`, or `None` for any other
    /// string (exact, case-sensitive).
    ///
    /// ```
    /// use yjs_wire::ErrorKind;
    ///
    /// assert_eq!(ErrorKind::from_word("trailing-bytes"), Some(ErrorKind::TrailingBytes));
    /// assert_eq!(ErrorKind::from_word("Trailing-Bytes"), None);
    /// ```
    pub fn from_word(word: &str) -> Option<ErrorKind> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == word)
    }

    /// A short lowercase phrase for people.
    const fn phrase(self) -> &'static str {
        match self {
            ErrorKind::Truncated => "input ends inside",
            ErrorKind::BadMagic => "expected \"YJS\" in",
            ErrorKind::UnsupportedVersion => "unsupported protocol version in",
            ErrorKind::UnknownMessageType => "unknown message type in",
            ErrorKind::UnknownSnapshotKind => "unknown snapshot kind in",
            ErrorKind::InvalidUtf8 => "invalid utf-8 in",
            ErrorKind::NonCanonicalVarint => "non-canonical varint in",
            ErrorKind::IntegerOutOfRange => "integer above 2^53 - 1 in",
            ErrorKind::LimitExceeded => "limit exceeded by",
            ErrorKind::TrailingBytes => "bytes left after",
            ErrorKind::InvalidValue => "value not allowed in",
            ErrorKind::NonCanonical => "non-canonical form of",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rejected frame: the [`ErrorKind`], the byte offset where the rejected element starts,
/// and the name of that element (for messages).
///
/// The offset rule is the one of `spec/errors.md`: the index of the first byte of the element
/// that was rejected (a varUint, a whole varString or varUint8Array from its length prefix, a
/// list from its count, a type byte), `0` for a frame over the size limit, and the first extra
/// byte for trailing bytes.
///
/// ```
/// use yjs_wire::{decode, ErrorKind};
///
/// let err = decode(b"YJS\x02").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::UnsupportedVersion, 3));
/// assert_eq!(err.element(), "the version byte");
/// assert_eq!(err.to_string(), "unsupported protocol version in the version byte at byte 3");
///
/// // The document name's length prefix (02) is at byte 4; its bytes c0 80 are not UTF-8.
/// let err = decode(b"YJS\x01\x02\xc0\x80\x01\x00").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::InvalidUtf8, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{} {element} at byte {offset}", kind.phrase())]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
    element: &'static str,
}

impl Error {
    /// An error of `kind` for `element` starting at `offset`: for code that checks frames
    /// further (an application's own rules) and wants to report in the same form.
    ///
    /// ```
    /// use yjs_wire::{Error, ErrorKind};
    ///
    /// let err = Error::new(ErrorKind::LimitExceeded, 4, "the document name");
    /// assert_eq!(err.to_string(), "limit exceeded by the document name at byte 4");
    /// ```
    pub const fn new(kind: ErrorKind, offset: usize, element: &'static str) -> Error {
        Error {
            kind,
            offset,
            element,
        }
    }

    /// Why the frame was rejected.
    ///
    /// ```
    /// use yjs_wire::{decode, ErrorKind};
    ///
    /// assert_eq!(decode(b"YJS\x01\x01").unwrap_err().kind(), ErrorKind::Truncated);
    /// ```
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset in the frame where the rejected element starts.
    ///
    /// ```
    /// use yjs_wire::{decode, ErrorKind};
    ///
    /// // The type byte 09 at offset 6 is not a message type.
    /// let err = decode(b"YJS\x01\x01d\x09").unwrap_err();
    /// assert_eq!((err.kind(), err.offset()), (ErrorKind::UnknownMessageType, 6));
    /// ```
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// What the rejected element is, for people ("the document name", "a snapshot id", …).
    ///
    /// ```
    /// use yjs_wire::decode;
    ///
    /// assert_eq!(decode(b"YJSping\x00").unwrap_err().element(), "the frame");
    /// ```
    pub const fn element(&self) -> &'static str {
        self.element
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_unique_kebab_case_and_round_trip() {
        for kind in ErrorKind::ALL {
            let word = kind.as_str();
            assert!(word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()));
            assert_eq!(ErrorKind::from_word(word), Some(kind));
        }
        assert_eq!(ErrorKind::from_word("nope"), None);
    }

    #[test]
    fn display_names_element_and_offset() {
        let err = Error::new(ErrorKind::InvalidUtf8, 17, "the snapshot name");
        assert_eq!(
            (err.kind(), err.offset(), err.element()),
            (ErrorKind::InvalidUtf8, 17, "the snapshot name")
        );
        assert_eq!(
            err.to_string(),
            "invalid utf-8 in the snapshot name at byte 17"
        );
        assert_eq!(ErrorKind::LimitExceeded.to_string(), "limit-exceeded");
    }
}
