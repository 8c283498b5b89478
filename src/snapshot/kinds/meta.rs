//! `SnapshotMeta`: the metadata every snapshot message carries.
//!
//! ```text
//! META = varUint(id) • varString(name) • varUint(createdAt) • varString(userId)
//!        07          • 02 "v1"         • 01                 • 01 "u"
//! ```

use crate::{
    lib0::var_uint,
    lib0::Sink,
    snapshot::parse::{self, Cx, Element, PResult, Source},
    snapshot::scratch::Scratch,
    snapshot::storage::Storage,
    Limits, U53,
};

/// A snapshot's metadata: `id`, `name`, `createdAt` (milliseconds since the Unix epoch) and
/// `userId` (who created it).
///
/// ```text
/// META = varUint(id) • varString(name) • varUint(createdAt) • varString(userId)
///        07          • 02 "v1"         • 01                 • 01 "u"
/// ```
///
/// ```
/// use yjs_wire::{decode, Frame, U53, snapshot::{SnapshotMessage}};
///
/// let bytes = b"YJS\x01\x01d\x02\x16snapshot-created-event\x07\x02v1\x01\x01u";
/// let Frame::Snapshot { message: SnapshotMessage::SnapshotCreatedEvent { snapshot }, .. } =
///     decode(bytes)? else { unreachable!() };
/// assert_eq!((snapshot.id, snapshot.name, snapshot.user_id), (U53::from(7u8), "v1", "u"));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        rename_all = "camelCase",
        deny_unknown_fields,
        bound(
            serialize = "",
            deserialize = "S::Str: From<alloc::string::String>, S::Bytes: From<alloc::vec::Vec<u8>>"
        )
    )
)]
pub struct SnapshotMeta<S: Storage> {
    /// Unique, increasing id of the snapshot within its document.
    pub id: U53,
    /// Human-readable name.
    #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::text"))]
    pub name: S::Str,
    /// Creation time, milliseconds since the Unix epoch.
    pub created_at: U53,
    /// Id of the user who created the snapshot.
    #[cfg_attr(feature = "serde", serde(with = "crate::snapshot::json_form::text"))]
    pub user_id: S::Str,
}

impl<S: Storage> SnapshotMeta<S> {
    /// Metadata from its four fields.
    ///
    /// ```
    /// use yjs_wire::{U53, snapshot::{Borrowed, SnapshotMeta}};
    ///
    /// let meta = SnapshotMeta::<Borrowed>::new(U53::from(7u8), "v1", U53::from(1u8), "u");
    /// assert_eq!(meta.name, "v1");
    /// ```
    pub fn new(
        id: U53,
        name: impl Into<S::Str>,
        created_at: U53,
        user_id: impl Into<S::Str>,
    ) -> Self {
        SnapshotMeta {
            id,
            name: name.into(),
            created_at,
            user_id: user_id.into(),
        }
    }
}

impl<S: Storage> Element<S> for SnapshotMeta<S> {
    const MIN_WIRE_LEN: usize = 4;
    const NAME: &'static str = "snapshot metadata";

    #[inline]
    fn parse<'i, X: Source<'i, Storage = S>>(cx: &Cx<X>, input: &'i [u8]) -> PResult<'i, Self> {
        let (input, id) = var_uint::parse_u53(input, "the snapshot id")?;
        let (input, name) = parse::string(cx, input, "the snapshot name")?;
        let (input, created_at) = var_uint::parse_u53(input, "the snapshot createdAt")?;
        let (input, user_id) = parse::string(cx, input, "the snapshot userId")?;
        Ok((
            input,
            SnapshotMeta {
                id,
                name,
                created_at,
                user_id,
            },
        ))
    }

    #[inline]
    fn check<'i>(limits: &Limits, input: &'i [u8]) -> PResult<'i, ()> {
        let (input, _) = var_uint::parse_u53(input, "the snapshot id")?;
        let (input, ()) = parse::check_string(limits, input, "the snapshot name")?;
        let (input, _) = var_uint::parse_u53(input, "the snapshot createdAt")?;
        parse::check_string(limits, input, "the snapshot userId")
    }

    #[inline]
    fn write<W: Sink>(&self, out: &mut W) {
        self.write_with(&mut Scratch::new(), out);
    }

    #[inline]
    fn write_all<W: Sink>(items: &[Self], out: &mut W) {
        // One stack buffer for the whole list: zeroed once, not once per entry.
        let mut scratch = Scratch::new();
        items
            .iter()
            .for_each(|item| item.write_with(&mut scratch, out));
    }
}

impl<S: Storage> SnapshotMeta<S> {
    /// Write through `scratch` (cleared first): short names and user ids, the usual case,
    /// become one slice built on the stack; anything longer is written field by field.
    #[inline(always)]
    fn write_with<W: Sink>(&self, scratch: &mut Scratch, out: &mut W) {
        scratch.clear();
        scratch.var_uint(self.id.get());
        scratch.var_bytes(self.name.as_bytes());
        scratch.var_uint(self.created_at.get());
        scratch.var_bytes(self.user_id.as_bytes());
        if let Some(bytes) = scratch.written() {
            return out.put_slice(bytes);
        }
        out.put_var_uint(self.id.get());
        out.put_var_bytes(self.name.as_bytes());
        out.put_var_uint(self.created_at.get());
        out.put_var_bytes(self.user_id.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lib0::reader::Fault, snapshot::storage::BorrowedSource, snapshot::Borrowed};

    fn verdict<T: PartialEq + core::fmt::Debug>(
        result: PResult<'_, T>,
    ) -> Result<usize, (crate::ErrorKind, usize, &'static str)> {
        match result {
            Ok((rest, _)) => Ok(rest.len()),
            Err(Fault { kind, at, element }) => Err((kind, at.len(), element)),
        }
    }

    /// `check` (the list's validating pass) and `parse` agree on every single-byte
    /// corruption and every truncation of an entry, under tight and default limits.
    /// A list's entries written through one reused buffer are the bytes of each entry
    /// written on its own, also when short and long (written field by field) entries mix.
    #[test]
    fn write_all_is_each_entry_written_alone() {
        let long = "n".repeat(100);
        let names = [
            "",
            "a",
            "Version 7",
            long.as_str(),
            "b",
            "ünïcödé name",
            long.as_str(),
        ];
        let metas: Vec<SnapshotMeta<Borrowed>> = names
            .iter()
            .enumerate()
            .map(|(i, name)| SnapshotMeta {
                id: U53::try_from(i as u64 * 1_000_003).unwrap(),
                name: *name,
                created_at: U53::try_from(1_762_000_000_000 + i as u64).unwrap(),
                user_id: if i % 2 == 0 { "u" } else { long.as_str() },
            })
            .collect();
        let mut together = Vec::new();
        SnapshotMeta::write_all(&metas, &mut together);
        let mut alone = Vec::new();
        metas.iter().for_each(|meta| meta.write(&mut alone));
        assert_eq!(together, alone);
        assert!(together.windows(100).any(|w| w.iter().all(|&b| b == b'n')));
    }

    #[test]
    fn check_and_parse_agree() {
        let meta = SnapshotMeta::<Borrowed>::new(
            U53::from(300u16),
            "Versión 12",
            U53::try_from(1_762_000_000_000u64).unwrap(),
            "0b7d0a1e-3f2a-4c9e-a1b2-3c4d5e6f7a8b",
        );
        let mut wire = Vec::new();
        meta.write(&mut wire);
        wire.extend([0x01, 0x02]);
        let mut tight = Limits::DEFAULT;
        tight.max_string_bytes = 11;
        for limits in [Limits::DEFAULT, tight] {
            let cx = Cx::new(BorrowedSource, &limits, false);
            let agree = |input: &[u8]| {
                let parsed = verdict(SnapshotMeta::<Borrowed>::parse(&cx, input));
                assert_eq!(
                    verdict(SnapshotMeta::<Borrowed>::check(&limits, input)),
                    parsed
                );
            };
            for end in 0..=wire.len() {
                agree(&wire[..end]);
            }
            for at in 0..wire.len() {
                for byte in [0x00, 0x01, 0x0f, 0x7f, 0x80, 0xc0, 0xe2, 0xff] {
                    let mut bad = wire.clone();
                    bad[at] = byte;
                    agree(&bad);
                }
            }
        }
    }
}
