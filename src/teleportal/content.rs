//! teleportal's content envelope: how doc `update` / `sync-step-2` data (update version 2) is
//! carried, for plaintext documents too (`protocol/encryption/encoding.ts`, wire version 1).
//!
//! ```text
//! varUint 1 | varUint8Array structureUpdate (a Y.js V2 update) | varUint n
//!   | n × varUint8Array sidecar (encrypted content; none for plaintext)
//!   | u8 hasCompaction (0 | 1) | [compaction: not decoded here]
//!
//! 01 00 00 00        the empty document (teleportal's sync-step-2 of a new document)
//! ```
//!
//! ```
//! use yjs_wire::teleportal::content::{decode_content, encode_plain_content};
//! use yjs_wire::Limits;
//!
//! let bytes = encode_plain_content(&[0xaa, 0xbb]);
//! assert_eq!(bytes, [0x01, 0x02, 0xaa, 0xbb, 0x00, 0x00]);
//! let content = decode_content(&bytes, &Limits::DEFAULT)?;
//! assert_eq!((content.structure_update, content.sidecars), (&[0xaa, 0xbb][..], 0));
//! assert!(decode_content(&[0x02, 0x00, 0x00, 0x00], &Limits::DEFAULT).is_err());
//! # Ok::<(), yjs_wire::Error>(())
//! ```

use alloc::vec::Vec;

use crate::{
    parse::{fail, fault_of, PResult},
    sink::{put_var_bytes, Sink},
    var_bytes, varint, Error, ErrorKind, Limits,
};

/// The wire version teleportal writes.
pub const CONTENT_VERSION: u8 = 1;

/// A decoded content envelope (borrowed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Content<'a> {
    /// The structure update (the whole V2 update for a plaintext document).
    pub structure_update: &'a [u8],
    /// The number of encrypted sidecars (0 for plaintext).
    pub sidecars: usize,
    /// Whether compaction data follows (bytes after the flag, kept undecoded in `compaction`).
    pub has_compaction: bool,
    /// The compaction data (empty without it).
    pub compaction: &'a [u8],
}

fn parse<'i>(input: &'i [u8], limits: &Limits) -> PResult<'i, Content<'i>> {
    let (rest, version) = varint::parse(input, "the content version")?;
    if version != u64::from(CONTENT_VERSION) {
        return fail(ErrorKind::InvalidValue, input, "the content version");
    }
    let (mut rest, structure_update) =
        var_bytes::parse_raw(rest, limits.max_payload_bytes, "the structure update")?;
    let count_at = rest;
    let (after, count) = varint::parse(rest, "the sidecar count")?;
    let sidecars = match usize::try_from(count) {
        Ok(n) if n <= limits.max_list_entries && n <= after.len() => n,
        _ => return fail(ErrorKind::LimitExceeded, count_at, "the sidecar count"),
    };
    rest = after;
    for _ in 0..sidecars {
        let (after, _) = var_bytes::parse_raw(rest, limits.max_payload_bytes, "a sidecar")?;
        rest = after;
    }
    match rest.split_first() {
        None => Ok((
            rest,
            Content {
                structure_update,
                sidecars,
                has_compaction: false,
                compaction: &[],
            },
        )),
        Some((0, after)) => Ok((
            after,
            Content {
                structure_update,
                sidecars,
                has_compaction: false,
                compaction: &[],
            },
        )),
        Some((1, after)) => Ok((
            &[],
            Content {
                structure_update,
                sidecars,
                has_compaction: true,
                compaction: after,
            },
        )),
        Some(_) => fail(ErrorKind::InvalidValue, rest, "the compaction flag"),
    }
}

/// Read a content envelope (offsets in errors count from `bytes[0]`). A missing compaction
/// flag reads as none (teleportal's decoder allows it); bytes after a `0` flag are
/// `trailing-bytes`.
pub fn decode_content<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Content<'a>, Error> {
    match parse(bytes, limits) {
        Ok(([], content)) => Ok(content),
        Ok((rest, _)) => Err(Error::new(
            ErrorKind::TrailingBytes,
            bytes.len().saturating_sub(rest.len()),
            "the content envelope",
        )),
        Err(err) => Err(fault_of(err).into_error(bytes)),
    }
}

/// The envelope of a plaintext V2 update, as teleportal writes it (no sidecars, no
/// compaction).
pub fn encode_plain_content(update: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(update.len().saturating_add(8));
    out.put_u8(CONTENT_VERSION);
    put_var_bytes(&mut out, update);
    out.put_u8(0);
    out.put_u8(0);
    out
}
