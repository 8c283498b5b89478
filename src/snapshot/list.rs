//! `List`: a varUint count followed by that many entries, decoded lazily.
//!
//! ```text
//! list = varUint(count) • entry • entry • …   (count entries)
//! ```
//!
//! Decoding validates every entry once and keeps the validated bytes; iteration re-reads them
//! without allocating. A list built from values holds them in a `Vec`.

use alloc::vec::Vec;
use core::fmt;

use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::parse::{fail, Cx, Element, PResult, Source},
    snapshot::storage::Storage,
    ErrorKind,
};

/// A list of entries of type `T` (snapshot metadata, ids, …) in storage `S`.
///
/// A decoded list is its validated wire bytes and a count: decoding it allocates nothing, and
/// [`iter`](List::iter) yields each entry by value. A list built with [`List::from`] a `Vec`
/// holds the values. Both compare equal when their entries are equal.
///
/// ```
/// use yjs_wire::{decode, Frame, snapshot::{SnapshotMessage}};
///
/// let bytes = b"YJS\x01\x01d\x02\x17list-snapshots-response\x01\x07\x02v1\x01\x01u";
/// let Ok(Frame::Snapshot { message: SnapshotMessage::ListSnapshotsResponse { snapshots }, .. }) = decode(bytes)
/// else { panic!() };
/// assert_eq!(snapshots.len(), 1);
/// assert_eq!(snapshots.iter().map(|m| m.name).collect::<Vec<_>>(), ["v1"]);
///
/// // Built from values, the same list encodes to the same bytes.
/// use yjs_wire::{U53, snapshot::{Borrowed, SnapshotMeta}};
/// let meta = SnapshotMeta::<Borrowed>::new(U53::from(7u8), "v1", U53::from(1u8), "u");
/// assert_eq!(Frame::list_snapshots_response("d", [meta]).to_vec(), bytes);
/// ```
#[derive(Clone)]
pub struct List<S: Storage, T> {
    repr: Repr<S, T>,
}

#[derive(Clone)]
enum Repr<S: Storage, T> {
    Wire { count: usize, raw: S::Bytes },
    Items(Vec<T>),
}

impl<S: Storage, T: Element<S> + Clone> List<S, T> {
    /// The number of entries.
    ///
    /// ```
    /// use yjs_wire::{U53, snapshot::{Borrowed, IdList}};
    ///
    /// let ids: IdList<Borrowed> = [U53::from(1u8), U53::from(2u8)].into_iter().collect();
    /// assert_eq!(ids.len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        match &self.repr {
            Repr::Wire { count, .. } => *count,
            Repr::Items(items) => items.len(),
        }
    }

    /// Whether the list has no entries.
    ///
    /// ```
    /// assert!(yjs_wire::snapshot::IdList::<yjs_wire::snapshot::Borrowed>::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The entries, in wire order, by value (for [`Borrowed`](crate::snapshot::Borrowed) entries
    /// that is a few slices, for [`Shared`](crate::snapshot::Shared) a few reference-count bumps).
    pub fn iter(&self) -> ListIter<'_, S, T> {
        ListIter {
            list: self,
            index: 0,
            pos: 0,
        }
    }

    /// Parse `varUint(count) • count × entry`. The count is checked against
    /// `max_list_entries` and against the bytes left (each entry takes at least
    /// `T::MIN_WIRE_LEN`) before any entry is read.
    pub(crate) fn parse<'i, X: Source<'i, Storage = S>>(
        cx: &Cx<X>,
        input: &'i [u8],
        element: &'static str,
    ) -> PResult<'i, Self> {
        let (entries, count) = var_uint::parse(input, element)?;
        let count = match usize::try_from(count) {
            Ok(count) if count <= cx.limits.max_list_entries => count,
            _ => return fail(ErrorKind::LimitExceeded, input, element),
        };
        match count.checked_mul(T::MIN_WIRE_LEN) {
            Some(least) if least <= entries.len() => {}
            _ => return fail(ErrorKind::Truncated, input, element),
        }
        // One validating pass that makes nothing: entries are made again, cheaply, when
        // iterated.
        let mut rest = entries;
        for _ in 0..count {
            rest = T::check(&cx.limits, rest)?.0;
        }
        let used = entries.len().saturating_sub(rest.len());
        let raw = entries.get(..used).unwrap_or_default();
        let raw = cx.src.bytes(raw);
        Ok((
            rest,
            List {
                repr: Repr::Wire { count, raw },
            },
        ))
    }

    /// The same list in another storage: wire bytes through `bytes` (they stay validated),
    /// held values through `item`.
    pub(crate) fn map_storage<R: Storage, U>(
        &self,
        bytes: impl FnOnce(&[u8]) -> R::Bytes,
        item: impl FnMut(&T) -> U,
    ) -> List<R, U> {
        List {
            repr: match &self.repr {
                Repr::Wire { count, raw } => Repr::Wire {
                    count: *count,
                    raw: bytes(raw),
                },
                Repr::Items(items) => Repr::Items(items.iter().map(item).collect()),
            },
        }
    }

    /// Write `varUint(count) • entries`.
    pub(crate) fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_uint(u64::try_from(self.len()).unwrap_or(u64::MAX));
        match &self.repr {
            Repr::Wire { raw, .. } => out.put_slice(raw),
            Repr::Items(items) => T::write_all(items, out),
        }
    }
}

impl<S: Storage, T> From<Vec<T>> for List<S, T> {
    fn from(items: Vec<T>) -> Self {
        List {
            repr: Repr::Items(items),
        }
    }
}

impl<S: Storage, T> FromIterator<T> for List<S, T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        List::from(iter.into_iter().collect::<Vec<T>>())
    }
}

impl<S: Storage, T> Default for List<S, T> {
    fn default() -> Self {
        List::from(Vec::new())
    }
}

impl<S: Storage, T: Element<S> + Clone + PartialEq> PartialEq for List<S, T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            // Canonical encoding: equal entries have equal bytes.
            (Repr::Wire { count: a, raw: x }, Repr::Wire { count: b, raw: y }) => {
                a == b && **x == **y
            }
            _ => self.len() == other.len() && self.iter().eq(other.iter()),
        }
    }
}

impl<S: Storage, T: Element<S> + Clone + Eq> Eq for List<S, T> {}

impl<S: Storage, T: Element<S> + Clone + fmt::Debug> fmt::Debug for List<S, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'l, S: Storage, T: Element<S> + Clone> IntoIterator for &'l List<S, T> {
    type Item = T;
    type IntoIter = ListIter<'l, S, T>;
    fn into_iter(self) -> ListIter<'l, S, T> {
        self.iter()
    }
}

/// Iterator over a [`List`]'s entries, by value. Allocates nothing.
#[derive(Clone)]
pub struct ListIter<'l, S: Storage, T> {
    list: &'l List<S, T>,
    index: usize,
    pos: usize,
}

impl<S: Storage, T: Element<S> + Clone> Iterator for ListIter<'_, S, T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let item = match &self.list.repr {
            Repr::Wire { count, raw } => {
                if self.index >= *count {
                    return None;
                }
                let (item, next) = S::reparse::<T>(raw, self.pos)?;
                self.pos = next;
                item
            }
            Repr::Items(items) => items.get(self.index)?.clone(),
        };
        self.index = self.index.saturating_add(1);
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.list.len().saturating_sub(self.index);
        (left, Some(left))
    }
}

impl<S: Storage, T: Element<S> + Clone> ExactSizeIterator for ListIter<'_, S, T> {}

#[cfg(test)]
mod tests {
    use crate::{
        decode,
        snapshot::{Borrowed, MetaList, SnapshotMessage, SnapshotMeta},
        Frame, U53,
    };

    fn meta(id: u8, name: &str) -> SnapshotMeta<Borrowed<'_>> {
        SnapshotMeta::new(U53::from(id), name, U53::from(1u8), "u")
    }

    fn wire<'a>(metas: &[SnapshotMeta<Borrowed<'a>>]) -> Vec<u8> {
        Frame::list_snapshots_response("d", metas.iter().cloned()).to_vec()
    }

    fn decoded(bytes: &[u8]) -> MetaList<Borrowed<'_>> {
        match decode(bytes) {
            Ok(Frame::Snapshot {
                message: SnapshotMessage::ListSnapshotsResponse { snapshots },
                ..
            }) => snapshots,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn empty_and_non_empty() {
        let none = wire(&[]);
        let one = wire(&[meta(1, "a")]);
        assert!(decoded(&none).is_empty());
        assert!(!decoded(&one).is_empty());
        assert!(MetaList::<Borrowed>::default().is_empty());
        assert!(!MetaList::from(vec![meta(1, "a")]).is_empty());
        assert_eq!(decoded(&one).len(), 1);
    }

    #[test]
    fn equality_compares_entries_in_either_form() {
        let ab = [meta(1, "a"), meta(2, "b")];
        let ac = [meta(1, "a"), meta(2, "c")];
        let (x, x2, y, short) = (wire(&ab), wire(&ab), wire(&ac), wire(&ab[..1]));
        // Decoded from different buffers, same bytes: equal.
        assert_eq!(decoded(&x), decoded(&x2));
        // Same count, different entries; different counts: not equal.
        assert_ne!(decoded(&x), decoded(&y));
        assert_ne!(decoded(&x), decoded(&short));
        // Built from values against decoded, both ways round.
        let built = MetaList::from(ab.to_vec());
        assert_eq!(built, decoded(&x));
        assert_eq!(decoded(&x), built);
        assert_ne!(built, decoded(&y));
        assert_ne!(built, decoded(&short));
        assert_ne!(MetaList::from(ac.to_vec()), built);
    }

    #[test]
    fn debug_shows_the_entries() {
        let ab = [meta(1, "a"), meta(2, "b")];
        let bytes = wire(&ab);
        assert_eq!(format!("{:?}", decoded(&bytes)), format!("{ab:?}"));
        assert_eq!(
            format!("{:?}", MetaList::from(ab.to_vec())),
            format!("{ab:?}")
        );
    }

    #[test]
    fn iteration_is_exact_sized_and_ends() {
        let ab = [meta(1, "a"), meta(2, "b")];
        let bytes = wire(&ab);
        for list in [decoded(&bytes), MetaList::from(ab.to_vec())] {
            let mut iter = list.iter();
            assert_eq!(iter.size_hint(), (2, Some(2)));
            assert_eq!(iter.next(), Some(ab[0].clone()));
            assert_eq!((iter.size_hint(), iter.len()), ((1, Some(1)), 1));
            assert_eq!(iter.next(), Some(ab[1].clone()));
            assert_eq!(iter.size_hint(), (0, Some(0)));
            assert_eq!(iter.next(), None);
            assert_eq!(iter.next(), None);
            assert_eq!((&list).into_iter().count(), 2);
        }
    }
}
