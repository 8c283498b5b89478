//! Snapshot ids as list entries: `list-snapshots-since` carries a list of the ids a client
//! already knows.
//!
//! ```text
//! IDS = varUint(count) • count × varUint(id)       [3, 200] = 02 03 c8 01
//! ```

use crate::Limits;
use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::list::List,
    snapshot::parse::{Cx, Element, PResult, Source},
    snapshot::storage::Storage,
    U53,
};

/// A list of snapshot ids, decoded lazily (each id is one to eight bytes on the wire).
///
/// ```
/// use yjs_wire::{decode, Frame, U53, snapshot::{SnapshotMessage}};
///
/// let bytes = b"YJS\x01\x01d\x02\x14list-snapshots-since\x02\x03\xc8\x01";
/// let Ok(Frame::Snapshot { message: SnapshotMessage::ListSnapshotsSince { known_ids }, .. }) =
///     decode(bytes) else { panic!() };
/// assert_eq!(known_ids.iter().map(U53::get).collect::<Vec<_>>(), [3, 200]);
/// ```
pub type IdList<S> = List<S, U53>;

impl<S: Storage> Element<S> for U53 {
    const MIN_WIRE_LEN: usize = 1;
    const NAME: &'static str = "a snapshot id";

    fn parse<'i, X: Source<'i, Storage = S>>(_cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self> {
        var_uint::parse_u53(input, "a snapshot id in the list")
    }

    fn check<'i>(_limits: &Limits, input: &'i [u8]) -> PResult<'i, ()> {
        let (rest, _) = var_uint::parse_u53(input, "a snapshot id in the list")?;
        Ok((rest, ()))
    }

    fn write<W: Sink>(&self, out: &mut W) {
        out.put_var_uint(self.get());
    }
}
