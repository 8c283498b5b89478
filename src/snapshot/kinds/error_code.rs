//! `ErrorCode`: why a snapshot request failed, as carried by `snapshot-error`.
//!
//! An open code space (like HTTP/2 error codes): a varUint on the wire, nine named values,
//! and every other value kept as it is, so a peer that knows fewer codes still reads the
//! message. In the JSON form a code is its name, or `unknown-N` for an unnamed value `N`.
//!
//! | code | name | meaning |
//! |---|---|---|
//! | 0 | — | reserved, never sent (shown as `unknown-0`) |
//! | 1 | `not-found` | no snapshot with that id, or nothing to act on |
//! | 2 | `permission-denied` | the user may not do this (milestones' "denied" error) |
//! | 3 | `invalid-request` | the request is malformed or its values make no sense |
//! | 4 | `conflict` | the request conflicts with the current state (name taken, revert running) |
//! | 5 | `storage-failure` | the snapshot store failed |
//! | 6 | `too-large` | the document or snapshot is over a server limit |
//! | 7 | `rate-limited` | too many requests; retry later |
//! | 8 | `unsupported` | the server does not implement this request kind |
//! | 9 | `internal` | any other server fault |

use core::fmt;

use crate::U53;

/// Why a snapshot request failed: an open set of codes with nine named values.
///
/// ```
/// use yjs_wire::{U53, snapshot::{ErrorCode}};
///
/// assert_eq!(ErrorCode::PERMISSION_DENIED.get(), U53::from(2u8));
/// assert_eq!(ErrorCode::PERMISSION_DENIED.to_string(), "permission-denied");
/// let future = ErrorCode::from(U53::from(42u8));
/// assert_eq!((future.name(), future.to_string()), (None, "unknown-42".to_owned()));
/// assert_eq!("unknown-42".parse(), Ok(future));
/// assert_eq!("not-found".parse(), Ok(ErrorCode::NOT_FOUND));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorCode(U53);

const fn code(value: u8) -> ErrorCode {
    match U53::new(value as u64) {
        Some(value) => ErrorCode(value),
        None => ErrorCode(U53::ZERO),
    }
}

impl ErrorCode {
    /// `1`, `not-found`: no snapshot with that id, or nothing to act on.
    pub const NOT_FOUND: ErrorCode = code(1);
    /// `2`, `permission-denied`: the user may not do this.
    pub const PERMISSION_DENIED: ErrorCode = code(2);
    /// `3`, `invalid-request`: the request is malformed or its values make no sense.
    pub const INVALID_REQUEST: ErrorCode = code(3);
    /// `4`, `conflict`: the request conflicts with the current state.
    pub const CONFLICT: ErrorCode = code(4);
    /// `5`, `storage-failure`: the snapshot store failed.
    pub const STORAGE_FAILURE: ErrorCode = code(5);
    /// `6`, `too-large`: the document or snapshot is over a server limit.
    pub const TOO_LARGE: ErrorCode = code(6);
    /// `7`, `rate-limited`: too many requests; retry later.
    pub const RATE_LIMITED: ErrorCode = code(7);
    /// `8`, `unsupported`: the server does not implement this request kind.
    pub const UNSUPPORTED: ErrorCode = code(8);
    /// `9`, `internal`: any other server fault.
    pub const INTERNAL: ErrorCode = code(9);

    /// Every named code, in numeric order.
    ///
    /// ```
    /// use yjs_wire::snapshot::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::NAMED[0], ErrorCode::NOT_FOUND);
    /// assert_eq!(ErrorCode::NAMED[8].name(), Some("internal"));
    /// ```
    pub const NAMED: [ErrorCode; 9] = [
        ErrorCode::NOT_FOUND,
        ErrorCode::PERMISSION_DENIED,
        ErrorCode::INVALID_REQUEST,
        ErrorCode::CONFLICT,
        ErrorCode::STORAGE_FAILURE,
        ErrorCode::TOO_LARGE,
        ErrorCode::RATE_LIMITED,
        ErrorCode::UNSUPPORTED,
        ErrorCode::INTERNAL,
    ];

    /// The code's value on the wire (a varUint: `08` for `unsupported`).
    ///
    /// ```
    /// use yjs_wire::snapshot::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::UNSUPPORTED.get().get(), 0x08);
    /// ```
    pub const fn get(self) -> U53 {
        self.0
    }

    /// The code's name, or `None` for a value without one.
    ///
    /// ```
    /// use yjs_wire::{U53, snapshot::{ErrorCode}};
    ///
    /// assert_eq!(ErrorCode::CONFLICT.name(), Some("conflict"));
    /// assert_eq!(ErrorCode::from(U53::ZERO).name(), None);
    /// ```
    pub const fn name(self) -> Option<&'static str> {
        Some(match self.0.get() {
            1 => "not-found",
            2 => "permission-denied",
            3 => "invalid-request",
            4 => "conflict",
            5 => "storage-failure",
            6 => "too-large",
            7 => "rate-limited",
            8 => "unsupported",
            9 => "internal",
            _ => return None,
        })
    }

    /// The code of a JSON-form word: a name, or `unknown-N` with `N` in canonical decimal
    /// (no sign, no leading zero) naming a value that has no name.
    ///
    /// ```
    /// use yjs_wire::{U53, snapshot::{ErrorCode}};
    ///
    /// assert_eq!(ErrorCode::from_word("too-large"), Some(ErrorCode::TOO_LARGE));
    /// assert_eq!(ErrorCode::from_word("unknown-10"), Some(ErrorCode::from(U53::from(10u8))));
    /// assert_eq!(ErrorCode::from_word("unknown-6"), None); // 6 has a name: too-large
    /// assert_eq!(ErrorCode::from_word("unknown-010"), None);
    /// ```
    pub fn from_word(word: &str) -> Option<ErrorCode> {
        if let Some(named) = ErrorCode::NAMED
            .into_iter()
            .find(|c| c.name() == Some(word))
        {
            return Some(named);
        }
        let digits = word.strip_prefix("unknown-")?;
        let canonical = !digits.is_empty()
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'));
        if !canonical {
            return None;
        }
        let code = ErrorCode(U53::new(digits.parse().ok()?)?);
        code.name().is_none().then_some(code)
    }
}

impl From<U53> for ErrorCode {
    fn from(value: U53) -> ErrorCode {
        ErrorCode(value)
    }
}

impl From<ErrorCode> for U53 {
    fn from(code: ErrorCode) -> U53 {
        code.0
    }
}

/// The error of parsing a word that is not an [`ErrorCode`] name nor `unknown-N`.
///
/// ```
/// use yjs_wire::{snapshot::{ErrorCode, ErrorCodeParseError}};
///
/// assert_eq!("Not-Found".parse::<ErrorCode>(), Err(ErrorCodeParseError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an error code: expected a code name or unknown-N for an unnamed value N")]
pub struct ErrorCodeParseError;

impl core::str::FromStr for ErrorCode {
    type Err = ErrorCodeParseError;
    fn from_str(word: &str) -> Result<ErrorCode, ErrorCodeParseError> {
        ErrorCode::from_word(word).ok_or(ErrorCodeParseError)
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(name),
            None => write!(f, "unknown-{}", self.0),
        }
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(_) => write!(f, "ErrorCode({self})"),
            None => write!(f, "ErrorCode({:#x})", self.0.get()),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ErrorCode, D::Error> {
        struct Word;
        impl serde::de::Visitor<'_> for Word {
            type Value = ErrorCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code name (not-found, permission-denied, invalid-request, conflict, storage-failure, too-large, rate-limited, unsupported, internal) or unknown-N for a code N that has no name")
            }
            fn visit_str<E: serde::de::Error>(self, word: &str) -> Result<ErrorCode, E> {
                ErrorCode::from_word(word)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(word), &self))
            }
        }
        deserializer.deserialize_str(Word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn names_and_words_round_trip() {
        for (i, code) in ErrorCode::NAMED.into_iter().enumerate() {
            assert_eq!(code.get().get(), i as u64 + 1);
            let word = code.to_string();
            assert_eq!(Some(word.as_str()), code.name());
            assert_eq!(ErrorCode::from_word(&word), Some(code));
        }
        for value in [0u64, 10, 127, 128, U53::MAX.get()] {
            let code = ErrorCode::from(U53::new(value).unwrap());
            assert_eq!(code.name(), None);
            assert_eq!(code.to_string(), alloc::format!("unknown-{value}"));
            assert_eq!(ErrorCode::from_word(&code.to_string()), Some(code));
        }
    }

    #[test]
    fn rejects_non_canonical_words() {
        for word in [
            "",
            "NOT-FOUND",
            "not_found",
            "unknown-",
            "unknown-01",
            "unknown--1",
            "unknown-+3",
            "unknown-1", // has a name: must be written not-found
            "unknown-9",
            "unknown-9007199254740992",
            "unknown-99999999999999999999999",
            "unknown-1a",
        ] {
            assert_eq!(ErrorCode::from_word(word), None, "{word:?}");
        }
        assert_eq!(
            alloc::format!(
                "{:?} {:?}",
                ErrorCode::CONFLICT,
                ErrorCode::from(U53::from(255u8))
            ),
            "ErrorCode(conflict) ErrorCode(0xff)"
        );
    }
}
