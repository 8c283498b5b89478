//! The one public error type: what was wrong with a frame, and at which byte.

use core::fmt;

/// Why a frame was rejected.
///
/// Each kind has a stable kebab-case word ([`ErrorKind::as_str`]) used in the JSON form and
/// in `spec/errors.md`; new kinds may be added in minor releases.
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
}

impl ErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 10] = [
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
        }
    }

    /// The kind whose [`as_str`](Self::as_str) word is `word`.
    pub fn from_word(word: &str) -> Option<ErrorKind> {
        ErrorKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == word)
    }

    /// A short lowercase phrase for people.
    const fn phrase(self) -> &'static str {
        match self {
            ErrorKind::Truncated => "input ends inside",
            ErrorKind::BadMagic => "missing \"YJS\" magic at",
            ErrorKind::UnsupportedVersion => "unsupported protocol version in",
            ErrorKind::UnknownMessageType => "unknown message type in",
            ErrorKind::UnknownSnapshotKind => "unknown snapshot kind in",
            ErrorKind::InvalidUtf8 => "invalid utf-8 in",
            ErrorKind::NonCanonicalVarint => "non-canonical varint in",
            ErrorKind::IntegerOutOfRange => "integer above 2^53 - 1 in",
            ErrorKind::LimitExceeded => "limit exceeded by",
            ErrorKind::TrailingBytes => "bytes left after",
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
/// assert_eq!(err.to_string(), "unsupported protocol version in the version byte at byte 3");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error("{} {element} at byte {offset}", kind.phrase())]
pub struct Error {
    kind: ErrorKind,
    offset: usize,
    element: &'static str,
}

impl Error {
    /// An error of `kind` for `element` starting at `offset`.
    pub const fn new(kind: ErrorKind, offset: usize, element: &'static str) -> Error {
        Error {
            kind,
            offset,
            element,
        }
    }

    /// Why the frame was rejected.
    pub const fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset in the frame where the rejected element starts.
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// What the rejected element is, for people ("the document name", "a snapshot id", …).
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
