//! `list-snapshots-since`: an incremental list request.
//!
//! ```text
//! list-snapshots-since = varUint(count) • count × varUint(knownId)
//! ```
//!
//! The client names the snapshot ids it already has; the server answers with a
//! `list-snapshots-response` holding only the snapshots whose ids are not in the list (an
//! empty list asks for everything, like `list-snapshots`). The count is held to
//! [`Limits::max_list_entries`](crate::Limits) and, since each id takes at least one byte, to
//! the bytes left.

use crate::{
    lib0::Sink,
    list::List,
    parse::{Cx, PResult, Source},
    storage::Storage,
    Frame, U53,
};

use super::{IdList, SnapshotMessage};

pub(super) fn parse<'i, X: Source<'i>>(
    cx: &Cx<X>,
    input: &'i [u8],
) -> PResult<'i, SnapshotMessage<X::Storage>> {
    let (input, known_ids) = List::parse(cx, input, "the known id list")?;
    Ok((input, SnapshotMessage::ListSnapshotsSince { known_ids }))
}

pub(super) fn write<S: Storage, W: Sink>(out: &mut W, known_ids: &IdList<S>) {
    known_ids.write(out);
}

impl<S: Storage> Frame<S> {
    /// `list-snapshots-since`: list the snapshots whose ids are not in `known_ids`
    /// (`listMilestones(knownIds)`).
    ///
    /// ```
    /// use yjs_wire::{Borrowed, Frame, U53};
    ///
    /// let frame = Frame::<Borrowed>::list_snapshots_since("d", [U53::from(3u8), U53::from(200u8)]);
    /// assert_eq!(frame.to_vec(), b"YJS\x01\x01d\x02\x14list-snapshots-since\x02\x03\xc8\x01");
    /// ```
    pub fn list_snapshots_since(
        document: impl Into<S::Str>,
        known_ids: impl IntoIterator<Item = U53>,
    ) -> Self {
        Frame::snapshot(
            document,
            SnapshotMessage::ListSnapshotsSince {
                known_ids: known_ids.into_iter().collect(),
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{decode, decode_with, snapshot::tests::check, Borrowed, ErrorKind, Limits};

    #[test]
    fn round_trips() {
        check(
            &Frame::<Borrowed>::list_snapshots_since("d", []),
            b"YJS\x01\x01d\x02\x14list-snapshots-since\x00",
        );
        let mut bytes = b"YJS\x01\x01d\x02\x14list-snapshots-since\x03\x00\x7f".to_vec();
        bytes.extend([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        check(
            &Frame::<Borrowed>::list_snapshots_since("d", [U53::ZERO, U53::from(127u8), U53::MAX]),
            &bytes,
        );
    }

    #[test]
    fn count_is_checked_before_the_ids() {
        let head = b"YJS\x01\x01d\x02\x14list-snapshots-since";
        let at = head.len();
        // 3 ids cannot fit in 2 bytes: truncated at the count.
        let err = decode(&[&head[..], b"\x03\x01\x02"].concat()).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::Truncated, at));
        let mut limits = Limits::DEFAULT;
        limits.max_list_entries = 2;
        let err = decode_with(&[&head[..], b"\x03\x01\x02\x03"].concat(), &limits).unwrap_err();
        assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, at));
        // A bad id is reported where it starts.
        let err = decode(&[&head[..], b"\x02\x01\x80\x00"].concat()).unwrap_err();
        assert_eq!(
            (err.kind(), err.offset()),
            (ErrorKind::NonCanonicalVarint, at + 2)
        );
    }
}
