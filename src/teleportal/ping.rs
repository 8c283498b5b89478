//! Ping and pong: exactly the seven bytes `YJSping` / `YJSpong`, nothing after them.
//!
//! ```text
//! 59 4a 53 70 69 6e 67   "YJSping"   {"type": "ping"}
//! 59 4a 53 70 6f 6e 67   "YJSpong"   {"type": "pong"}
//! ```
//!
//! Teleportal's server answers any binary message that starts with `YJSping` (extra bytes
//! included); a strict decoder refuses the extra bytes (`trailing-bytes` at 7). Access:
//! control.

use super::Access;

/// The access class of ping and pong.
pub const ACCESS: Access = Access::Control;
