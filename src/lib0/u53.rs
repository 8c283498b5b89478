//! `U53`: the integers a JavaScript peer can hold exactly.
//!
//! On the wire a `U53` is a varUint of 1 to 8 bytes:
//!
//! ```text
//! 0                 00
//! 300               ac 02
//! 2^53 - 1 (MAX)    ff ff ff ff ff ff ff 0f
//! 2^53              80 80 80 80 80 80 80 10   rejected: integer-out-of-range
//! ```

use core::fmt;

/// An unsigned integer of at most 53 bits (`0 ..= 2^53 − 1`).
///
/// lib0 peers hold every integer as a JavaScript number (a double), so a larger value cannot
/// cross the wire intact. Every id, timestamp and count in a message is a `U53`: a value that
/// cannot be encoded faithfully cannot be constructed.
///
/// ```
/// use yjs_wire::U53;
///
/// let id = U53::from(7u32);
/// assert_eq!(id.get(), 7);
/// assert_eq!(U53::new(1 << 53), None);
/// assert_eq!(U53::try_from(9_007_199_254_740_991u64), Ok(U53::MAX));
///
/// // As a snapshot id on the wire: 300 is the varUint ac 02.
/// let frame = yjs_wire::decode(b"YJS\x01\x01d\x02\x16snapshot-fetch-request\xac\x02")?;
/// assert_eq!(frame, yjs_wire::Frame::snapshot_fetch_request("d", U53::from(300u16)));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct U53(u64);

/// The error of converting an integer above [`U53::MAX`] (or below zero) into a [`U53`].
///
/// ```
/// use yjs_wire::{U53, lib0::{U53RangeError}};
///
/// assert_eq!(U53::try_from(1u64 << 53), Err(U53RangeError));
/// assert_eq!(U53::try_from(-1i64), Err(U53RangeError));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("integer out of range for a JavaScript number (0 ..= 2^53 - 1)")]
pub struct U53RangeError;

impl U53 {
    /// Zero: the varUint `00`.
    ///
    /// ```
    /// use yjs_wire::U53;
    ///
    /// assert_eq!(U53::ZERO, U53::default());
    /// ```
    pub const ZERO: U53 = U53(0);
    /// 2^53 − 1 = 9007199254740991, JavaScript's `Number.MAX_SAFE_INTEGER`: the varUint
    /// `ff ff ff ff ff ff ff 0f`.
    ///
    /// ```
    /// use yjs_wire::{Frame, U53, snapshot::{Borrowed}};
    ///
    /// let frame = Frame::snapshot_fetch_request("d", U53::MAX);
    /// assert!(frame.to_vec().ends_with(b"\xff\xff\xff\xff\xff\xff\xff\x0f"));
    /// ```
    pub const MAX: U53 = U53((1 << 53) - 1);

    /// `value` as a `U53`, or `None` above [`U53::MAX`].
    ///
    /// ```
    /// use yjs_wire::U53;
    ///
    /// assert_eq!(U53::new(9_007_199_254_740_991), Some(U53::MAX));
    /// assert_eq!(U53::new(9_007_199_254_740_992), None);
    /// ```
    pub const fn new(value: u64) -> Option<U53> {
        if value <= U53::MAX.0 {
            Some(U53(value))
        } else {
            None
        }
    }

    /// The value as a `u64`.
    ///
    /// ```
    /// use yjs_wire::U53;
    ///
    /// assert_eq!(U53::from(300u16).get(), 300);
    /// ```
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl fmt::Debug for U53 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for U53 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

macro_rules! from_narrow {
    ($($t:ty),*) => {$(
        impl From<$t> for U53 {
            fn from(value: $t) -> U53 {
                U53(u64::from(value))
            }
        }
    )*};
}
from_narrow!(u8, u16, u32);

impl TryFrom<u64> for U53 {
    type Error = U53RangeError;
    fn try_from(value: u64) -> Result<U53, U53RangeError> {
        U53::new(value).ok_or(U53RangeError)
    }
}

impl TryFrom<usize> for U53 {
    type Error = U53RangeError;
    fn try_from(value: usize) -> Result<U53, U53RangeError> {
        u64::try_from(value).map_err(|_| U53RangeError)?.try_into()
    }
}

impl TryFrom<i64> for U53 {
    type Error = U53RangeError;
    fn try_from(value: i64) -> Result<U53, U53RangeError> {
        u64::try_from(value).map_err(|_| U53RangeError)?.try_into()
    }
}

impl From<U53> for u64 {
    fn from(value: U53) -> u64 {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(U53::MAX.get(), 9_007_199_254_740_991);
        assert_eq!(U53::new(U53::MAX.get()), Some(U53::MAX));
        assert_eq!(U53::new(U53::MAX.get() + 1), None);
        assert_eq!(U53::try_from(u64::MAX), Err(U53RangeError));
        assert_eq!(U53::try_from(-1i64), Err(U53RangeError));
        assert_eq!(U53::try_from(5i64), Ok(U53::from(5u8)));
        assert_eq!(U53::try_from(usize::MAX).is_ok(), usize::BITS < 53);
        assert_eq!(u64::from(U53::from(u32::MAX)), u64::from(u32::MAX));
        assert_eq!(
            format!("{:?} {}", U53::from(3u16), U53::MAX),
            "3 9007199254740991"
        );
    }
}
