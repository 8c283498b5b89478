//! The pub/sub envelope teleportal servers exchange between instances (`pubSub.ts`).
//!
//! ```text
//! varString sourceId • frame (to the end)
//! ```

use alloc::vec::Vec;

use crate::{Error, Limits};

/// A decoded envelope: who published, and the frame (not decoded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Envelope<'a> {
    /// The publishing instance.
    pub source_id: &'a str,
    /// The frame bytes.
    pub frame: &'a [u8],
}

/// Split an envelope (the source id within `max_string_bytes`, UTF-8).
///
/// ```
/// use yjs_wire::teleportal::{decode_envelope, encode_envelope, PING};
/// use yjs_wire::Limits;
///
/// let bytes = encode_envelope("node-1", &PING);
/// let envelope = decode_envelope(&bytes, &Limits::DEFAULT)?;
/// assert_eq!((envelope.source_id, envelope.frame), ("node-1", &PING[..]));
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn decode_envelope<'a>(bytes: &'a [u8], limits: &Limits) -> Result<Envelope<'a>, Error> {
    let cx =
        crate::snapshot::parse::Cx::new(crate::snapshot::storage::BorrowedSource, limits, false);
    match crate::snapshot::parse::string(&cx, bytes, "the source id") {
        Ok((frame, source_id)) => Ok(Envelope { source_id, frame }),
        Err(err) => Err(err.into_error(bytes)),
    }
}

/// Write an envelope.
pub fn encode_envelope(source_id: &str, frame: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(
        source_id
            .len()
            .saturating_add(frame.len())
            .saturating_add(8),
    );
    crate::lib0::Sink::put_var_bytes(&mut out, source_id.as_bytes());
    out.extend_from_slice(frame);
    out
}
