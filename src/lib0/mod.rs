//! lib0's binary encoding, shared by every dialect: the strict readers, the writers, the
//! limits they are held to and the errors they report.
//!
//! ```text
//! varUint        7 bits a byte, low group first, 0x80 = more follows    ac 02 = 300
//! varString      varUint(UTF-8 byte length) • bytes                     03 64 6f 63 = "doc"
//! varUint8Array  varUint(length) • bytes                                02 01 02
//! float32/64     big-endian IEEE 754                                    3f f8 00 … = 1.5
//! ```
//!
//! [`Reader`] reads these from a frame, checking every length against a limit and against
//! the bytes present before slicing, and reports failures as an [`Error`] at the element's
//! first byte. [`Sink`] writes them into any `BufMut`, or counts them with [`LenCounter`].
//! The strictness rules (shortest varUints only, at most 2^53 − 1, valid UTF-8) are those of
//! `spec/encoding.md` and `spec/errors.md`.
//!
//! Two pieces for the teleportal dialect: [`var_int`] (signed varInts: sign bit and
//! magnitude, negative zero kept) and [`any`] (`writeAny` / `readAny` values, validated once
//! and read lazily).

pub mod any;
mod error;
mod limits;
pub(crate) mod reader;
mod sink;
mod u53;
pub(crate) mod utf8;
pub(crate) mod var_bytes;
pub mod var_int;
pub(crate) mod var_uint;

pub use error::{Error, ErrorKind};
pub use limits::Limits;
pub use reader::Reader;
pub(crate) use sink::put_var_payload;
pub use sink::{LenCounter, Sink};
pub use u53::{U53RangeError, U53};
