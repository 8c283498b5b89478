//! Recipe: frames over WebSocket.
//!
//! WebSocket already delimits messages, so the framing is the simplest there is: **one
//! binary WebSocket message is one frame**, with no length prefix (that prefix is only for
//! byte streams). Text messages are not part of the protocol.
//!
//! ```text
//! binary message:  59 4a 53 01 | 05 "notes" | 00 02 | 02 01 02
//!                  "YJS" 01    | document   | doc update | varUint8Array [01 02]
//! ```
//!
//! A server usually keeps one room per document and runs each room in its own task. The
//! connection task only has to find the room, and [`decode_header`] tells it the document
//! name and [`FrameKind`] without reading the payload. The room then decodes the whole frame
//! with [`decode_shared`]. WebSocket libraries for tokio (tungstenite 0.26+, axum 0.8) hand a
//! binary message over as [`Bytes`], so the decoded frame's strings and byte arrays are
//! slices of the message as received: nothing is copied between the socket and the room.
//!
//! ```
//! use std::collections::HashMap;
//! use bytes::Bytes;
//! use yjs_wire::{bytestring::ByteString, decode_header, decode_shared, Error, Frame, snapshot::{FrameKind, Shared, PONG}};
//!
//! /// What the connection task does with one binary WebSocket message.
//! #[derive(Debug, PartialEq)]
//! enum Route {
//!     /// Send these bytes back on the same socket.
//!     Reply(Bytes),
//!     /// Hand the message to the room of this document.
//!     Room(usize, Bytes),
//!     /// Not a frame this server takes: close the connection (or log and go on).
//!     Reject(String),
//! }
//!
//! fn route(message: Bytes, rooms: &HashMap<&str, usize>) -> Route {
//!     let header = match decode_header(&message) {
//!         Ok(header) => header,
//!         Err(err) => return Route::Reject(err.to_string()),
//!     };
//!     match (header.kind(), header.document()) {
//!         (FrameKind::Ping, _) => Route::Reply(Bytes::from_static(&PONG)),
//!         (FrameKind::Pong, _) => Route::Reject("unexpected pong".into()),
//!         (_, Some(document)) => match rooms.get(document) {
//!             Some(&room) => Route::Room(room, message),
//!             None => Route::Reject(format!("no document {document:?}")),
//!         },
//!         (_, None) => unreachable!("message frames have a document"),
//!     }
//! }
//!
//! /// In the room's task: the whole frame, zero-copy.
//! fn handle(message: &Bytes) -> Result<Frame<Shared>, Error> {
//!     decode_shared(message)
//! }
//!
//! let rooms = HashMap::from([("notes", 0), ("todo", 1)]);
//!
//! // A doc update for "notes" goes to room 0, untouched.
//! let update = Bytes::from_static(b"YJS\x01\x05notes\x00\x02\x02\x01\x02");
//! assert_eq!(route(update.clone(), &rooms), Route::Room(0, update.clone()));
//! let frame = handle(&update)?;
//! assert_eq!(frame, Frame::update(ByteString::from_static("notes"), Bytes::from_static(&[1, 2])));
//!
//! // A ping is answered on the spot; unknown documents and garbage are rejected.
//! assert_eq!(route(Bytes::from_static(b"YJSping"), &rooms), Route::Reply(Bytes::from_static(b"YJSpong")));
//! let other = Bytes::from_static(b"YJS\x01\x05other\x02\x0elist-snapshots");
//! assert_eq!(route(other, &rooms), Route::Reject("no document \"other\"".into()));
//! let garbage = Bytes::from_static(b"GET / HTTP/1.1");
//! assert_eq!(route(garbage, &rooms), Route::Reject("expected \"YJS\" in the magic at byte 0".into()));
//! # Ok::<(), Error>(())
//! ```
//!
//! Sending is the reverse: [`Frame::to_bytes`] (or [`Frame::encode`] into a reused
//! `BytesMut`) gives the payload of one binary message.
//!
//! Notes:
//! - The header decode accepts exactly the headers [`decode`](crate::decode) accepts, so a
//!   frame the connection task routes can still be rejected by the room for its payload, but
//!   never for its header.
//! - Limit the WebSocket message size in the WebSocket library too (to about
//!   [`Limits::max_frame_bytes`](crate::Limits)), so an oversized message is refused before
//!   it is buffered whole.
//! - A connection that may only read is held to it with [`Header::access`] and
//!   [`Permissions::READ_ONLY`] (sync-step-2 is a write too); a frame whose header does not
//!   decode is [`Access::Invalid`], never allowed. `examples/relay.rs` is a complete relay
//!   doing all of this, and `spec/servers.md` lists the classes and recommended limits.
//!
//! [`Header::access`]: crate::snapshot::Header::access
//! [`Permissions::READ_ONLY`]: crate::Permissions::READ_ONLY
//! [`Access::Invalid`]: crate::Access::Invalid
//! [`decode_header`]: crate::decode_header
//! [`decode_shared`]: crate::decode_shared
//! [`FrameKind`]: crate::snapshot::FrameKind
//! [`Frame::to_bytes`]: crate::Frame::to_bytes
//! [`Frame::encode`]: crate::Frame::encode
//! [`Bytes`]: bytes::Bytes
