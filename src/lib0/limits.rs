//! Configurable decoding limits, checked before any slice is taken.
//!
//! Which limit holds which element of a frame:
//!
//! ```text
//! |<------------------------------ max_frame_bytes ------------------------------->|
//! 59 4a 53 01  varString(document)  02  varString(kind)   varUint(count)  META …
//!              <= max_name_bytes        <= max_string_bytes  <= max_list_entries
//!
//! other varStrings (snapshot name, userId, …)        <= max_string_bytes
//! varUint8Arrays (state vector, update, content, …)  <= max_payload_bytes
//! ```

/// Upper bounds a decoder enforces on untrusted input.
///
/// Every length prefix and list count is compared with these limits (and with the bytes
/// actually left) *before* anything is sliced or iterated, so a frame that claims 2^40 list
/// entries is rejected at its count with [`ErrorKind::LimitExceeded`](crate::ErrorKind).
/// Decoding never allocates, so the limits bound work and output size, not memory reserved.
///
/// The defaults ([`Limits::DEFAULT`]) suit a server reading frames from untrusted peers:
///
/// | field | default | why |
/// |---|---|---|
/// | `max_frame_bytes` | 16 MiB | the largest Y.js update or snapshot content a server should take in one message; larger state should be split |
/// | `max_name_bytes` | 1024 | document names are routing keys ("workspace/3f2a9c/notes.md"), not content |
/// | `max_string_bytes` | 64 KiB | snapshot names, user ids and kind strings are short labels |
/// | `max_payload_bytes` | 16 MiB | a byte array can be at most the frame |
/// | `max_list_entries` | 100 000 | ten times the largest snapshot history the benchmarks use |
/// | `max_any_depth` | 64 | lib0 `any` values (teleportal RPC payloads, presence data) are shallow; a nesting limit keeps validation's recursion bounded |
///
/// ```
/// use yjs_wire::{Decoder, ErrorKind, Limits};
///
/// let mut limits = Limits::DEFAULT;
/// limits.max_name_bytes = 3;
/// let err = Decoder::new().with_limits(limits).decode(b"YJS\x01\x04docs\x01\x00").unwrap_err();
/// assert_eq!((err.kind(), err.offset()), (ErrorKind::LimitExceeded, 4));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// Largest whole frame, in bytes.
    pub max_frame_bytes: usize,
    /// Largest document name, in UTF-8 bytes.
    pub max_name_bytes: usize,
    /// Largest other string (kind, snapshot name, user id, …), in UTF-8 bytes.
    pub max_string_bytes: usize,
    /// Largest byte array (state vector, update, snapshot content), in bytes.
    pub max_payload_bytes: usize,
    /// Most entries in one list.
    pub max_list_entries: usize,
    /// Deepest nesting of objects and arrays in a lib0 `any` value (the outermost one is
    /// depth 1); deeper is refused at the tag of the first one too deep, before it is read.
    /// Values are never validated deeper than 200 levels, even with a larger limit (so
    /// [`Limits::UNLIMITED`] cannot exhaust the stack).
    pub max_any_depth: usize,
}

impl Limits {
    /// The safe defaults described on [`Limits`]; what [`decode`](crate::decode),
    /// [`decode_shared`](crate::decode_shared) and [`decode_header`](crate::decode_header)
    /// use.
    ///
    /// ```
    /// assert_eq!(yjs_wire::Limits::DEFAULT.max_frame_bytes, 16 * 1024 * 1024);
    /// assert_eq!(yjs_wire::Limits::default(), yjs_wire::Limits::DEFAULT);
    /// ```
    pub const DEFAULT: Limits = Limits {
        max_frame_bytes: 16 * 1024 * 1024,
        max_name_bytes: 1024,
        max_string_bytes: 64 * 1024,
        max_payload_bytes: 16 * 1024 * 1024,
        max_list_entries: 100_000,
        max_any_depth: 64,
    };

    /// No limits beyond what the input itself holds (for trusted input and tests). Decoding
    /// stays linear in the input length and allocation-free; only the bounds on output size
    /// go.
    ///
    /// ```
    /// use yjs_wire::{Decoder, Limits};
    ///
    /// let long_name = [&b"YJS\x01\x80\x10"[..], &[b'n'; 2048], b"\x02\x0elist-snapshots"].concat();
    /// assert!(yjs_wire::decode(&long_name).is_err()); // a 2048-byte name is over the default 1024
    /// assert!(Decoder::new().with_limits(Limits::UNLIMITED).decode(&long_name).is_ok());
    /// ```
    pub const UNLIMITED: Limits = Limits {
        max_frame_bytes: usize::MAX,
        max_name_bytes: usize::MAX,
        max_string_bytes: usize::MAX,
        max_payload_bytes: usize::MAX,
        max_list_entries: usize::MAX,
        max_any_depth: usize::MAX,
    };
}

impl Default for Limits {
    fn default() -> Limits {
        Limits::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_documented_values() {
        let d = Limits::default();
        assert_eq!(d, Limits::DEFAULT);
        assert_eq!(d.max_frame_bytes, 16_777_216);
        assert_eq!(d.max_name_bytes, 1024);
        assert_eq!(d.max_string_bytes, 65_536);
        assert_eq!(d.max_payload_bytes, 16_777_216);
        assert_eq!(d.max_list_entries, 100_000);
        let u = Limits::UNLIMITED;
        let fields = [
            u.max_frame_bytes,
            u.max_name_bytes,
            u.max_string_bytes,
            u.max_payload_bytes,
            u.max_list_entries,
        ];
        assert_eq!(fields, [usize::MAX; 5]);
    }
}
