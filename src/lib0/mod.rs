//! The lib0 encoding layer: the pieces of lib0's `encoding.js` / `decoding.js` the dialects
//! are built from, strict (shortest forms only) and allocation-free when decoding.
//!
//! - [`var_int`]: signed varInts (sign bit and magnitude, negative zero kept);
//! - [`any`]: `writeAny` / `readAny` values, validated once and read lazily.

pub mod any;
pub mod var_int;
