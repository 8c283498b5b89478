//! MessageArray: teleportal's HTTP batching of frames (`multi-message.ts`).
//!
//! ```text
//! varUint8Array(frame) • varUint8Array(frame) • …   to the end; no count
//! ```
//!
//! [`split_message_array`] yields the frames lazily (each checked against
//! `max_frame_bytes`, at most `max_list_entries` of them); each is then decoded on its own.
//! Teleportal refuses a frame that does not start with `YJS`; so does the iterator
//! (`bad-magic` at the frame's length prefix).

use alloc::vec::Vec;

use crate::{Error, ErrorKind, Limits};

/// The frames of a MessageArray, in order; after an error, nothing more.
#[derive(Debug, Clone)]
pub struct MessageArrayIter<'a> {
    array: &'a [u8],
    rest: &'a [u8],
    count: usize,
    limits: Limits,
    failed: bool,
}

/// Split a MessageArray into its frames (lazily; errors have offsets in `array`).
///
/// ```
/// use yjs_wire::teleportal::{join_message_array, split_message_array, PING, PONG};
/// use yjs_wire::Limits;
///
/// let array = join_message_array([&PING[..], &PONG[..]]);
/// assert_eq!(array[0], 7);
/// let frames: Result<Vec<_>, _> = split_message_array(&array, &Limits::DEFAULT).collect();
/// assert_eq!(frames?, [&PING[..], &PONG[..]]);
/// # Ok::<(), yjs_wire::Error>(())
/// ```
pub fn split_message_array<'a>(array: &'a [u8], limits: &Limits) -> MessageArrayIter<'a> {
    MessageArrayIter {
        array,
        rest: array,
        count: 0,
        limits: *limits,
        failed: false,
    }
}

impl<'a> Iterator for MessageArrayIter<'a> {
    type Item = Result<&'a [u8], Error>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.rest.is_empty() {
            return None;
        }
        let at = self.array.len().saturating_sub(self.rest.len());
        let result = if self.count >= self.limits.max_list_entries {
            Err(Error::new(ErrorKind::LimitExceeded, at, "the MessageArray"))
        } else {
            match crate::lib0::var_bytes::parse_raw(
                self.rest,
                self.limits.max_frame_bytes,
                "a MessageArray frame",
            ) {
                Ok((_, frame)) if !frame.starts_with(b"YJS") => {
                    Err(Error::new(ErrorKind::BadMagic, at, "a MessageArray frame"))
                }
                Ok((rest, frame)) => {
                    self.rest = rest;
                    self.count = self.count.saturating_add(1);
                    Ok(frame)
                }
                Err(err) => Err(err.into_error(self.array)),
            }
        };
        self.failed = result.is_err();
        Some(result)
    }
}

/// Join frames into a MessageArray.
pub fn join_message_array<'f>(frames: impl IntoIterator<Item = &'f [u8]>) -> Vec<u8> {
    let mut out = Vec::new();
    for frame in frames {
        crate::lib0::Sink::put_var_bytes(&mut out, frame);
    }
    out
}
