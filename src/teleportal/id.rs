//! The message id: teleportal's fingerprint of a frame's exact bytes (`message-types.ts`).
//!
//! ```text
//! h1 = 0x811c9dc5, h2 = 0x01000193
//! for each byte b:  h1 = (h1 ^ b) * 0x01000193,  h2 = (h2 ^ b) * 0x100001b3   (mod 2^32)
//! id = hex8(h1) + hex8(h2)                                          16 lowercase hex digits
//! ```
//!
//! Acks name the frame they acknowledge by this id.

use core::fmt;

/// A frame's message id: two 32-bit FNV-1a lanes over its bytes.
///
/// ```
/// use yjs_wire::teleportal::{message_id, PING};
///
/// let id = message_id(&PING);
/// assert_eq!(id.to_string().len(), 16);
/// assert_eq!(message_id(b"").to_string(), "811c9dc501000193");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MessageId(pub [u32; 2]);

/// The message id of `frame` (any bytes; nothing is decoded).
pub fn message_id(frame: &[u8]) -> MessageId {
    let (mut h1, mut h2) = (0x811c_9dc5u32, 0x0100_0193u32);
    for &byte in frame {
        h1 = (h1 ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        h2 = (h2 ^ u32::from(byte)).wrapping_mul(0x1000_01b3);
    }
    MessageId([h1, h2])
}

impl MessageId {
    /// The 16 lowercase hex digits, without allocating.
    pub fn to_hex(self) -> [u8; 16] {
        let mut out = [0u8; 16];
        let [h1, h2] = self.0;
        let digits = (u64::from(h1) << 32) | u64::from(h2);
        for (i, slot) in out.iter_mut().enumerate() {
            let shift = 60u32.saturating_sub(u32::try_from(i).unwrap_or(0).saturating_mul(4));
            let nibble = usize::try_from((digits >> shift) & 0xf).unwrap_or(0);
            *slot = b"0123456789abcdef".get(nibble).copied().unwrap_or(b'0');
        }
        out
    }
}

impl fmt::Display for MessageId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = self.to_hex();
        f.write_str(core::str::from_utf8(&hex).unwrap_or_default())
    }
}
