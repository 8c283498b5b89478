//! Guides that span several items: how to carry frames over a transport.
//!
//! This module holds documentation only, no code.
//!
//! - [`websocket`]: one binary WebSocket message is one frame; route it by the document
//!   name from [`decode_header`](crate::decode_header), decode it fully where it is handled.
//! - Byte streams (TCP, pipes, stdio) have no message boundaries: each frame goes after its
//!   varUint length, as lib0 batches messages. The `tokio` feature's `FrameCodec` does
//!   this framing for tokio-util's `Framed`.
//!
//! ```text
//! WebSocket:    [ binary message = frame ] [ binary message = frame ] …
//! byte stream:  varUint(len) • frame • varUint(len) • frame • …
//! ```

pub mod websocket;
