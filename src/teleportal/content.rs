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
    lib0::{Reader, Sink},
    Error, ErrorKind, Limits,
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

/// Read a content envelope (offsets in errors count from `bytes[0]`). A missing compaction
/// flag reads as none (teleportal's decoder allows it); bytes after a `0` flag are
/// `trailing-bytes`.
pub fn decode_content<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Content<'a>, Error> {
    let mut reader = Reader::new(bytes);
    let version_at = reader.offset();
    if reader.read_var_uint("the content version")? != u64::from(CONTENT_VERSION) {
        return Err(reader.error_at(ErrorKind::InvalidValue, version_at, "the content version"));
    }
    let structure_update =
        reader.read_var_bytes(limits.max_payload_bytes, "the structure update")?;
    let count_at = reader.offset();
    let count = reader.read_var_uint("the sidecar count")?;
    let sidecars = match usize::try_from(count) {
        Ok(n) if n <= limits.max_list_entries && n <= reader.rest().len() => n,
        _ => return Err(reader.error_at(ErrorKind::LimitExceeded, count_at, "the sidecar count")),
    };
    for _ in 0..sidecars {
        reader.read_var_bytes(limits.max_payload_bytes, "a sidecar")?;
    }
    if reader.is_empty() {
        return Ok(Content {
            structure_update,
            sidecars,
            has_compaction: false,
            compaction: &[],
        });
    }
    let flag_at = reader.offset();
    match reader.read_u8("the compaction flag")? {
        0 => {
            reader.finish()?;
            Ok(Content {
                structure_update,
                sidecars,
                has_compaction: false,
                compaction: &[],
            })
        }
        1 => Ok(Content {
            structure_update,
            sidecars,
            has_compaction: true,
            compaction: reader.rest(),
        }),
        _ => Err(reader.error_at(ErrorKind::InvalidValue, flag_at, "the compaction flag")),
    }
}

/// The envelope of a plaintext V2 update, as teleportal writes it (no sidecars, no
/// compaction).
pub fn encode_plain_content(update: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(update.len().saturating_add(8));
    Sink::put_u8(&mut out, CONTENT_VERSION);
    Sink::put_var_bytes(&mut out, update);
    Sink::put_u8(&mut out, 0);
    Sink::put_u8(&mut out, 0);
    out
}
