//! `SnapshotState`: the lifecycle state of a snapshot, the last field of DETAILS.
//!
//! ```text
//! STATE = varUint(code)     00 active · 01 archived · 02 deleted · 03 expired
//! ```
//!
//! A closed set: any other value is rejected with `invalid-value` at the varUint's first
//! byte (after the usual varUint checks). Unlike an error code, a state a client does not
//! know leaves it unable to tell whether the snapshot can be used, so a new state needs a
//! new message kind rather than a new value.

use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::parse::{fail, PResult},
    ErrorKind,
};

/// The lifecycle state of a snapshot.
///
/// ```
/// use yjs_wire::snapshot::SnapshotState;
///
/// assert_eq!(SnapshotState::from_code(3), Some(SnapshotState::Expired));
/// assert_eq!(SnapshotState::Archived.as_str(), "archived");
/// assert_eq!(SnapshotState::from_code(4), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum SnapshotState {
    /// `0`, `active`: usable, listed by default.
    Active = 0,
    /// `1`, `archived`: kept, but set aside by a user or a retention policy.
    Archived = 1,
    /// `2`, `deleted`: deleted; details may still be shown (soft delete).
    Deleted = 2,
    /// `3`, `expired`: its retention time (`expiresAt`) has passed.
    Expired = 3,
}

impl SnapshotState {
    /// Every state, in code order.
    ///
    /// ```
    /// use yjs_wire::snapshot::SnapshotState;
    ///
    /// assert_eq!(SnapshotState::ALL.map(SnapshotState::code), [0, 1, 2, 3]);
    /// ```
    pub const ALL: [SnapshotState; 4] = [
        SnapshotState::Active,
        SnapshotState::Archived,
        SnapshotState::Deleted,
        SnapshotState::Expired,
    ];

    /// The state of a wire code, or `None` for a value that is not a state (which a decoder
    /// rejects as `invalid-value`).
    ///
    /// ```
    /// use yjs_wire::snapshot::SnapshotState;
    ///
    /// assert_eq!(SnapshotState::from_code(0), Some(SnapshotState::Active));
    /// assert_eq!(SnapshotState::from_code(4), None);
    /// ```
    pub const fn from_code(code: u64) -> Option<SnapshotState> {
        match code {
            0 => Some(SnapshotState::Active),
            1 => Some(SnapshotState::Archived),
            2 => Some(SnapshotState::Deleted),
            3 => Some(SnapshotState::Expired),
            _ => None,
        }
    }

    /// The wire code: a one-byte varUint, `00` to `03`.
    ///
    /// ```
    /// use yjs_wire::snapshot::SnapshotState;
    ///
    /// assert_eq!(SnapshotState::Deleted.code(), 0x02);
    /// ```
    pub const fn code(self) -> u8 {
        self as u8
    }

    /// The JSON-form word (`active`, `archived`, `deleted`, `expired`).
    ///
    /// ```
    /// use yjs_wire::snapshot::SnapshotState;
    ///
    /// assert_eq!(SnapshotState::Expired.as_str(), "expired");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            SnapshotState::Active => "active",
            SnapshotState::Archived => "archived",
            SnapshotState::Deleted => "deleted",
            SnapshotState::Expired => "expired",
        }
    }

    /// Parse `varUint(code)`: varUint errors first, then `invalid-value` for an unknown code.
    pub(crate) fn parse(input: &[u8]) -> PResult<'_, SnapshotState> {
        const STATE: &str = "the snapshot state";
        let (rest, code) = var_uint::parse(input, STATE)?;
        match SnapshotState::from_code(code) {
            Some(state) => Ok((rest, state)),
            None => fail(ErrorKind::InvalidValue, input, STATE),
        }
    }

    pub(crate) fn write<W: Sink>(self, out: &mut W) {
        out.put_var_uint(u64::from(self.code()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        for (i, state) in SnapshotState::ALL.into_iter().enumerate() {
            assert_eq!(usize::from(state.code()), i);
            assert_eq!(
                SnapshotState::parse(&[state.code(), 9]),
                Ok((&[9u8][..], state))
            );
        }
        for bad in [&[4u8][..], &[0x7f], &[0x80, 0x01]] {
            let Err(fault) = SnapshotState::parse(bad) else {
                panic!("{bad:?} accepted")
            };
            assert_eq!(
                (fault.kind, fault.at.len()),
                (ErrorKind::InvalidValue, bad.len())
            );
        }
        // varUint errors come first.
        let Err(fault) = SnapshotState::parse(&[0x80, 0x00]) else {
            panic!()
        };
        assert_eq!(fault.kind, ErrorKind::NonCanonicalVarint);
    }
}
