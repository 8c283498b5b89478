//! A WebSocket relay for yjs-wire frames: many documents over one connection each, with the
//! per-connection limits of `spec/servers.md` section 4.
//!
//! ```text
//! cargo run --example relay -- [--host 127.0.0.1] [--port 0] [--idle-timeout 30] [--keep-stdin]
//!     [--max-frame-bytes 16777216] [--frames-per-second 100] [--frame-burst 500]
//!     [--bytes-per-second 1048576] [--byte-burst 16777216] [--awareness-per-second 10]
//!     [--max-documents 100] [--max-connections 10000] [--max-connections-per-address 20]
//!     [--queue 1024] [--queue-bytes 33554432] [--max-bad-frames 100]
//!     [--ping-interval 30] [--peer-timeout 60] [--handshake-timeout 10]
//!     [--socket-send-buffer 65536] [--count-loopback] [--no-limits]
//! ```
//!
//! Rules:
//! - every binary WebSocket message is one frame; the frame's header names its document, so
//!   one connection carries frames for any number of documents;
//! - a connection subscribes to a document the first time it sends an **allowed, valid**
//!   frame for it (a sync-step-1 is the usual first one; a refused or undecodable frame
//!   subscribes to nothing); it stays subscribed until it closes;
//! - a valid, allowed frame is forwarded unchanged (the same `Bytes`, not copied) to every
//!   other connection subscribed to its document;
//! - `YJSping` is answered with `YJSpong` on the same connection; `YJSpong` is accepted and
//!   dropped;
//! - a frame is checked in this order: header (`decode_header`; failure: dropped), access class
//!   against the connection's permissions (failure: refused), whole frame (`decode`, which
//!   allocates nothing; failure: dropped). Text messages are dropped. One bad frame never
//!   closes the connection nor disturbs another one;
//! - `?readonly=1` in the connection URL makes it read-only ([`Permissions::READ_ONLY`]: read
//!   and control only); other connections are [`Permissions::CLIENT`] (no server-to-client
//!   responses or events).
//!
//! Limits (each flag takes a number; 0 turns that one limit off; `--no-limits` turns all of
//! them off except the frame size, for comparison runs):
//! - `--max-frame-bytes`: a WebSocket message or frame over it is refused by tungstenite from
//!   its length, before it is buffered, and that connection is closed;
//! - `--frames-per-second`/`--frame-burst` and `--bytes-per-second`/`--byte-burst`: two token
//!   buckets per connection, every message counted (binary, text, WebSocket ping). A message
//!   that finds a bucket empty is not handled; the connection gets a WebSocket close 1008
//!   (policy violation) with the reason `rate limit` and is read no further;
//! - `--awareness-per-second`: per connection and document (bursts of as many); an awareness
//!   frame over it is dropped and counted as refused;
//! - `--max-documents`: a frame for a new document past this many subscriptions is refused;
//! - `--max-bad-frames`: that many dropped or refused frames within 60 s close the connection
//!   (1008, `too many invalid frames`);
//! - `--queue`/`--queue-bytes`: the frames and bytes waiting to be written to one peer. A frame
//!   that would go past either is not queued (counted as `lagged`) and that peer is dropped
//!   at once, without a close handshake: nobody waits for it;
//! - `--ping-interval`/`--peer-timeout`: a WebSocket ping after that many seconds without
//!   anything from the peer; a close (1001, `idle`) when nothing came for `--peer-timeout`;
//! - `--max-connections` (whole process) and `--max-connections-per-address` (per remote IP;
//!   loopback addresses only with `--count-loopback`, since behind a reverse proxy on the same
//!   host every peer is 127.0.0.1): a connection past either is closed at once, before the
//!   handshake;
//! - `--handshake-timeout`: the WebSocket handshake must be done within that many seconds;
//! - `--socket-send-buffer`: the kernel send buffer (`SO_SNDBUF`) of every connection, so a
//!   slow reader is caught by the queue limit instead of parking megabytes in the kernel
//!   (0 or `--no-limits`: the system's self-tuning buffer).
//!
//! The first line on stdout is the bound address (`127.0.0.1:PORT`; `--port 0` picks a free
//! port). The relay stops after `--idle-timeout` seconds without a connection or a message
//! (0: never), when stdin reaches its end (unless `--keep-stdin`), or on Ctrl-C / SIGTERM,
//! and then prints one line of counters:
//!
//! ```text
//! relay stopped (stdin closed): connections=4 frames=23 forwarded=9 refused=3 dropped=7 pongs=5 lagged=0 rate_limited=0 ...
//! ```
//!
//! The first seven counters are as before the limits (`refused` includes refusals by a
//! limit); then `rate_limited`, `awareness_limited`, `over_documents`, `connections_refused`,
//! `handshake_failed`, the connections closed per reason (`closed_rate`, `closed_bad`,
//! `closed_slow`, `closed_idle`, `closed_oversized`) and `peak_connections`.

use std::collections::{HashMap, HashSet, VecDeque};
use std::net::IpAddr;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::{oneshot, Notify};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::error::{CapacityError, Error as WsError};
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tokio_tungstenite::tungstenite::{Bytes, Message};

/// Everything the relay takes from the crate, in one place.
mod wire {
    pub use yjs_wire::{
        server::Permissions,
        snapshot::{FrameKind, PONG},
        Decoder, Limits,
    };
}
use wire::{FrameKind, Limits, Permissions};

/// A token bucket's parameters: `per_second` sustained, up to `burst` at once.
#[derive(Debug, Clone, Copy)]
struct Rate {
    per_second: f64,
    burst: f64,
}

/// A token bucket.
#[derive(Debug)]
struct Bucket {
    rate: Rate,
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn new(rate: Rate, now: Instant) -> Bucket {
        Bucket {
            rate,
            tokens: rate.burst,
            at: now,
        }
    }

    /// Take `cost` tokens if there are that many.
    fn take(&mut self, cost: f64, now: Instant) -> bool {
        let elapsed = now.saturating_duration_since(self.at).as_secs_f64();
        self.at = now;
        self.tokens = (self.tokens + elapsed * self.rate.per_second).min(self.rate.burst);
        if self.tokens >= cost {
            self.tokens -= cost;
            true
        } else {
            false
        }
    }
}

/// The limits of spec/servers.md section 4; `None` is off.
#[derive(Debug, Clone)]
struct Caps {
    frames: Option<Rate>,
    bytes: Option<Rate>,
    awareness: Option<Rate>,
    max_documents: Option<usize>,
    max_connections: Option<usize>,
    max_per_address: Option<usize>,
    /// Whether loopback addresses count for `max_per_address` (not by default: behind a
    /// reverse proxy on the same host every peer comes from loopback).
    count_loopback: bool,
    queue_frames: Option<usize>,
    queue_bytes: Option<usize>,
    max_bad_frames: Option<usize>,
    ping_interval: Option<Duration>,
    peer_timeout: Option<Duration>,
    handshake_timeout: Option<Duration>,
    /// `SO_SNDBUF` of accepted sockets (set on the listener, which they inherit), so that a
    /// slow reader fills the relay's queue instead of hiding megabytes in kernel buffers.
    socket_send_buffer: Option<u32>,
}

/// How long bad frames are remembered for `--max-bad-frames`.
const BAD_FRAME_WINDOW: Duration = Duration::from_secs(60);
/// How long a closing connection may take to write what was queued before its close.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// Command-line options.
#[derive(Debug, Clone)]
struct Options {
    host: String,
    port: u16,
    idle_timeout: Option<Duration>,
    limits: Limits,
    caps: Caps,
    stdin_exits: bool,
}

const USAGE: &str = "usage: relay [--host H] [--port P] [--idle-timeout SECS] [--keep-stdin] \
[--max-frame-bytes N] [--frames-per-second N] [--frame-burst N] [--bytes-per-second N] \
[--byte-burst N] [--awareness-per-second N] [--max-documents N] [--max-connections N] \
[--max-connections-per-address N] [--queue N] [--queue-bytes N] [--max-bad-frames N] \
[--ping-interval SECS] [--peer-timeout SECS] [--handshake-timeout SECS] \
[--socket-send-buffer BYTES] [--count-loopback] [--no-limits]\n\
(0 turns one limit off; --no-limits all but the frame size)";

impl Options {
    fn parse() -> Result<Options, String> {
        let mut host = "127.0.0.1".to_owned();
        let mut port = 0u16;
        let mut idle_timeout = Some(Duration::from_secs(30));
        let mut stdin_exits = true;
        let mut no_limits = false;
        let mut count_loopback = false;
        // Every limit by its flag name, with the spec's default.
        let mut n: HashMap<&'static str, u64> = HashMap::from([
            ("--max-frame-bytes", 16 << 20),
            ("--frames-per-second", 100),
            ("--frame-burst", 500),
            ("--bytes-per-second", 1 << 20),
            ("--awareness-per-second", 10),
            ("--max-documents", 100),
            ("--max-connections", 10_000),
            ("--max-connections-per-address", 20),
            ("--queue", 1024),
            ("--queue-bytes", 32 << 20),
            ("--max-bad-frames", 100),
            ("--ping-interval", 30),
            ("--peer-timeout", 60),
            ("--handshake-timeout", 10),
            ("--socket-send-buffer", 64 << 10),
        ]);
        let mut byte_burst = None;
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            let number = |text: String| text.parse::<u64>().map_err(|e| format!("{text}: {e}"));
            match flag.as_str() {
                "--host" => host = value()?,
                "--port" => port = value()?.parse().map_err(|e| format!("port: {e}"))?,
                "--idle-timeout" => {
                    let secs = number(value()?)?;
                    idle_timeout = (secs > 0).then(|| Duration::from_secs(secs));
                }
                "--byte-burst" => byte_burst = Some(number(value()?)?),
                "--keep-stdin" => stdin_exits = false,
                "--no-limits" => no_limits = true,
                "--count-loopback" => count_loopback = true,
                "-h" | "--help" => return Err(String::new()),
                other => match n.get_mut(other) {
                    Some(slot) => *slot = number(value()?)?,
                    None => return Err(format!("unknown argument {other}")),
                },
            }
        }
        let get = |name: &str| n.get(name).copied().unwrap_or(0);
        let on = |name: &str| Some(get(name)).filter(|&v| v > 0 && !no_limits);
        let size = |name: &str| on(name).and_then(|v| usize::try_from(v).ok());
        let secs = |name: &str| on(name).map(Duration::from_secs);
        let max_frame = usize::try_from(get("--max-frame-bytes"))
            .map_err(|e| e.to_string())?
            .max(16);
        let rate = |per_second: Option<u64>, burst: u64| {
            per_second.map(|per_second| Rate {
                per_second: per_second as f64,
                burst: burst.max(1) as f64,
            })
        };
        let mut limits = Limits::DEFAULT;
        limits.max_frame_bytes = max_frame;
        limits.max_payload_bytes = max_frame;
        let frames_per_second = on("--frames-per-second");
        let awareness = on("--awareness-per-second");
        let caps = Caps {
            frames: rate(frames_per_second, get("--frame-burst")),
            // The byte bucket holds at least one frame of the largest size allowed.
            bytes: rate(
                on("--bytes-per-second"),
                byte_burst.unwrap_or(max_frame as u64),
            ),
            awareness: rate(awareness, awareness.unwrap_or(1)),
            max_documents: size("--max-documents"),
            max_connections: size("--max-connections"),
            max_per_address: size("--max-connections-per-address"),
            count_loopback,
            queue_frames: size("--queue"),
            queue_bytes: size("--queue-bytes"),
            max_bad_frames: size("--max-bad-frames"),
            ping_interval: secs("--ping-interval"),
            peer_timeout: secs("--peer-timeout"),
            handshake_timeout: secs("--handshake-timeout"),
            socket_send_buffer: on("--socket-send-buffer").and_then(|v| u32::try_from(v).ok()),
        };
        Ok(Options {
            host,
            port,
            idle_timeout,
            limits,
            caps,
            stdin_exits,
        })
    }
}

/// Counters printed when the relay stops.
#[derive(Debug, Default)]
struct Stats {
    connections: AtomicU64,
    frames: AtomicU64,
    forwarded: AtomicU64,
    refused: AtomicU64,
    dropped: AtomicU64,
    pongs: AtomicU64,
    lagged: AtomicU64,
    rate_limited: AtomicU64,
    awareness_limited: AtomicU64,
    over_documents: AtomicU64,
    connections_refused: AtomicU64,
    handshake_failed: AtomicU64,
    closed_rate: AtomicU64,
    closed_bad: AtomicU64,
    closed_slow: AtomicU64,
    closed_idle: AtomicU64,
    closed_oversized: AtomicU64,
    peak_connections: AtomicU64,
}

impl Stats {
    fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn line(&self) -> String {
        let counters = [
            ("connections", &self.connections),
            ("frames", &self.frames),
            ("forwarded", &self.forwarded),
            ("refused", &self.refused),
            ("dropped", &self.dropped),
            ("pongs", &self.pongs),
            ("lagged", &self.lagged),
            ("rate_limited", &self.rate_limited),
            ("awareness_limited", &self.awareness_limited),
            ("over_documents", &self.over_documents),
            ("connections_refused", &self.connections_refused),
            ("handshake_failed", &self.handshake_failed),
            ("closed_rate", &self.closed_rate),
            ("closed_bad", &self.closed_bad),
            ("closed_slow", &self.closed_slow),
            ("closed_idle", &self.closed_idle),
            ("closed_oversized", &self.closed_oversized),
            ("peak_connections", &self.peak_connections),
        ];
        counters
            .iter()
            .map(|(name, c)| format!("{name}={}", c.load(Ordering::Relaxed)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// What happens to a frame pushed to a peer's outbox.
#[derive(Debug, PartialEq, Eq)]
enum Push {
    Queued,
    /// Past the queue limit: the peer is now dropped.
    Overflow,
    /// The peer is closing or dropped already.
    Gone,
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum OutboxState {
    Open,
    /// A close frame is queued; the writer finishes what is queued and stops.
    Closing,
    /// Dropped as a slow reader: nothing more is written.
    Dead,
}

#[derive(Debug)]
struct Outbox {
    items: VecDeque<Message>,
    bytes: usize,
    state: OutboxState,
}

/// One connected peer, as the other connections see it: its send queue.
#[derive(Debug)]
struct Peer {
    outbox: Mutex<Outbox>,
    /// Wakes the writer task: something was queued, or the state changed.
    ready: Notify,
    /// Wakes the reader task: the peer was dropped as a slow reader.
    kill: Notify,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panicking connection task must not take the relay down with it.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Peer {
    fn new() -> Peer {
        Peer {
            outbox: Mutex::new(Outbox {
                items: VecDeque::new(),
                bytes: 0,
                state: OutboxState::Open,
            }),
            ready: Notify::new(),
            kill: Notify::new(),
        }
    }

    /// Queue `message` unless that goes past the limits, in which case the peer is dropped.
    fn push(&self, message: Message, caps: &Caps) -> Push {
        let mut outbox = lock(&self.outbox);
        if outbox.state != OutboxState::Open {
            return Push::Gone;
        }
        let len = message.len();
        let full = caps
            .queue_frames
            .is_some_and(|max| outbox.items.len() >= max)
            || caps
                .queue_bytes
                .is_some_and(|max| outbox.bytes.saturating_add(len) > max);
        if full {
            outbox.state = OutboxState::Dead;
            outbox.items = VecDeque::new(); // free what was queued now
            outbox.bytes = 0;
            drop(outbox);
            self.kill.notify_one();
            self.ready.notify_one();
            return Push::Overflow;
        }
        outbox.bytes = outbox.bytes.saturating_add(len);
        outbox.items.push_back(message);
        drop(outbox);
        self.ready.notify_one();
        Push::Queued
    }

    /// Queue a close frame after what is queued; nothing is queued after it.
    fn close(&self, code: CloseCode, reason: &'static str) {
        let mut outbox = lock(&self.outbox);
        if outbox.state == OutboxState::Open {
            outbox.items.push_back(Message::Close(Some(CloseFrame {
                code,
                reason: reason.into(),
            })));
            outbox.state = OutboxState::Closing;
        }
        drop(outbox);
        self.ready.notify_one();
    }

    /// Stop accepting frames; the writer ends once the queue is written.
    fn finish(&self) -> OutboxState {
        let mut outbox = lock(&self.outbox);
        if outbox.state == OutboxState::Open {
            outbox.state = OutboxState::Closing;
        }
        let state = outbox.state;
        drop(outbox);
        self.ready.notify_one();
        state
    }

    /// Up to `max` queued messages, or `None` when the writer should stop.
    fn take(&self, max: usize, batch: &mut Vec<Message>) -> Option<()> {
        let mut outbox = lock(&self.outbox);
        while batch.len() < max {
            let Some(message) = outbox.items.pop_front() else {
                break;
            };
            outbox.bytes = outbox.bytes.saturating_sub(message.len());
            batch.push(message);
        }
        let stop = match outbox.state {
            OutboxState::Open => false,
            OutboxState::Closing => batch.is_empty(),
            OutboxState::Dead => true,
        };
        (!stop).then_some(())
    }
}

/// Who is connected, and who is subscribed to which document.
#[derive(Debug, Default)]
struct Hub {
    peers: HashMap<u64, Arc<Peer>>,
    subscribers: HashMap<String, HashSet<u64>>,
}

/// Open connections, in total and per remote address.
#[derive(Debug, Default)]
struct Connections {
    total: usize,
    per_address: HashMap<IpAddr, usize>,
}

/// State shared by every connection.
#[derive(Debug)]
struct Relay {
    hub: Mutex<Hub>,
    connections: Mutex<Connections>,
    stats: Stats,
    limits: Limits,
    caps: Caps,
    started: Instant,
    /// Milliseconds since `started` of the last connection or message.
    last_activity: AtomicU64,
}

/// A connection's place in [`Connections`], given back when dropped.
struct Slot {
    relay: Arc<Relay>,
    address: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut connections = lock(&self.relay.connections);
        connections.total = connections.total.saturating_sub(1);
        if let Some(count) = connections.per_address.get_mut(&self.address) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                connections.per_address.remove(&self.address);
            }
        }
    }
}

/// What the relay did with one frame.
#[derive(Debug, PartialEq, Eq)]
enum Verdict {
    /// Forwarded, answered or accepted.
    Handled,
    /// Dropped or refused: counts towards `--max-bad-frames`.
    Bad,
}

/// The state of one connection that only its reader task sees.
#[derive(Debug)]
struct Conn {
    id: u64,
    permissions: Permissions,
    peer: Arc<Peer>,
    /// Subscribed documents, with their awareness bucket.
    documents: HashMap<String, Option<Bucket>>,
    frames: Option<Bucket>,
    bytes: Option<Bucket>,
    bad: VecDeque<Instant>,
}

impl Conn {
    /// Whether a message of `len` bytes is within the rate limits.
    fn admit(&mut self, len: usize, now: Instant) -> bool {
        let frames = self.frames.as_mut().is_none_or(|b| b.take(1.0, now));
        let bytes = self.bytes.as_mut().is_none_or(|b| b.take(len as f64, now));
        frames && bytes
    }

    /// Remember a bad frame; whether there were too many within the window.
    fn too_many_bad(&mut self, max: Option<usize>, now: Instant) -> bool {
        let Some(max) = max else { return false };
        while self
            .bad
            .front()
            .is_some_and(|&at| now.saturating_duration_since(at) >= BAD_FRAME_WINDOW)
        {
            self.bad.pop_front();
        }
        self.bad.push_back(now);
        self.bad.len() >= max
    }
}

impl Relay {
    fn hub(&self) -> MutexGuard<'_, Hub> {
        lock(&self.hub)
    }

    fn touch(&self) {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_activity.store(now, Ordering::Relaxed);
    }

    fn idle_for(&self) -> Duration {
        let last = Duration::from_millis(self.last_activity.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
    }

    /// A place for a new connection from `address`, or `None` past a connection limit.
    fn admit_connection(self: &Arc<Self>, address: IpAddr) -> Option<Slot> {
        let mut connections = lock(&self.connections);
        let from_address = connections.per_address.get(&address).copied().unwrap_or(0);
        let counted = self.caps.count_loopback || !address.is_loopback();
        let caps = &self.caps;
        if caps
            .max_connections
            .is_some_and(|max| connections.total >= max)
            || (counted && caps.max_per_address.is_some_and(|max| from_address >= max))
        {
            return None;
        }
        connections.total = connections.total.saturating_add(1);
        *connections.per_address.entry(address).or_default() += 1;
        let total = connections.total as u64;
        drop(connections);
        self.stats
            .peak_connections
            .fetch_max(total, Ordering::Relaxed);
        Some(Slot {
            relay: Arc::clone(self),
            address,
        })
    }

    /// Queue `frame` for every subscriber of `document` but `id`.
    fn publish(&self, id: u64, document: &str, frame: &Bytes, new: bool) {
        let mut hub = self.hub();
        if new {
            hub.subscribers
                .entry(document.to_owned())
                .or_default()
                .insert(id);
        }
        let Some(ids) = hub.subscribers.get(document) else {
            return;
        };
        for other in ids.iter().filter(|&&other| other != id) {
            let Some(peer) = hub.peers.get(other) else {
                continue;
            };
            // `Bytes::clone` shares the frame; nothing is copied per subscriber.
            match peer.push(Message::Binary(frame.clone()), &self.caps) {
                Push::Queued => Stats::add(&self.stats.forwarded),
                Push::Overflow => {
                    Stats::add(&self.stats.lagged);
                    Stats::add(&self.stats.closed_slow);
                }
                Push::Gone => {}
            }
        }
    }

    fn leave(&self, conn: &Conn) {
        let mut hub = self.hub();
        hub.peers.remove(&conn.id);
        for document in conn.documents.keys() {
            if let Some(ids) = hub.subscribers.get_mut(document) {
                ids.remove(&conn.id);
                if ids.is_empty() {
                    hub.subscribers.remove(document);
                }
            }
        }
    }

    /// Route one binary message from `conn`.
    fn handle(&self, conn: &mut Conn, frame: &Bytes, now: Instant) -> Verdict {
        Stats::add(&self.stats.frames);
        let header = match wire::Decoder::new()
            .with_limits(self.limits)
            .decode_header(frame)
        {
            Ok(header) => header,
            Err(_) => {
                Stats::add(&self.stats.dropped);
                return Verdict::Bad;
            }
        };
        if !conn.permissions.allows(header.access()) {
            Stats::add(&self.stats.refused);
            return Verdict::Bad;
        }
        let Some(document) = header.document() else {
            if header.kind() == FrameKind::Ping {
                // Through the connection's queue, so the pong follows what was queued before.
                let pong = Message::Binary(Bytes::from_static(&wire::PONG));
                if conn.peer.push(pong, &self.caps) == Push::Queued {
                    Stats::add(&self.stats.pongs);
                }
            }
            return Verdict::Handled;
        };
        // Forward only what a strict peer accepts; borrowed decoding allocates nothing.
        if wire::Decoder::new()
            .with_limits(self.limits)
            .decode(frame)
            .is_err()
        {
            Stats::add(&self.stats.dropped);
            return Verdict::Bad;
        }
        let new = !conn.documents.contains_key(document);
        if new
            && self
                .caps
                .max_documents
                .is_some_and(|max| conn.documents.len() >= max)
        {
            Stats::add(&self.stats.refused);
            Stats::add(&self.stats.over_documents);
            return Verdict::Bad;
        }
        let awareness = conn
            .documents
            .entry(document.to_owned())
            .or_insert_with(|| self.caps.awareness.map(|rate| Bucket::new(rate, now)));
        if header.kind() == FrameKind::Awareness
            && awareness.as_mut().is_some_and(|b| !b.take(1.0, now))
        {
            Stats::add(&self.stats.refused);
            Stats::add(&self.stats.awareness_limited);
            if new {
                conn.documents.remove(document);
            }
            return Verdict::Bad;
        }
        self.publish(conn.id, document, frame, new);
        Verdict::Handled
    }
}

/// Whether the request's query has `readonly=1` (or `readonly=true`).
fn read_only(request: &Request) -> bool {
    request.uri().query().is_some_and(|query| {
        query
            .split('&')
            .any(|pair| pair == "readonly=1" || pair == "readonly=true")
    })
}

async fn sleep_until(at: Option<Instant>) {
    match at {
        Some(at) => tokio::time::sleep_until(at).await,
        None => std::future::pending().await,
    }
}

/// Why a connection's reader stopped.
#[derive(Debug, PartialEq, Eq)]
enum End {
    /// The peer closed, or the socket failed.
    Peer,
    /// The relay closed it with a close frame (rate, bad frames, idle).
    Closed,
    /// Dropped as a slow reader.
    Slow,
}

// tungstenite's handshake callback returns its own (large) error response type.
#[allow(clippy::result_large_err)]
async fn serve(relay: Arc<Relay>, stream: TcpStream, id: u64, slot: Slot) {
    let _slot = slot;
    let _ = stream.set_nodelay(true);
    let mut readonly = false;
    // Small buffers (tungstenite's defaults are 128 KiB each, per connection): the read
    // buffer grows for a larger message up to the frame limit; a write buffer past 16 KiB is
    // flushed before more is taken from the queue, so a slow reader's backlog stays in the
    // queue, where its limits see it.
    let config = WebSocketConfig::default()
        .read_buffer_size(8 << 10)
        .write_buffer_size(16 << 10)
        .max_message_size(Some(relay.limits.max_frame_bytes))
        .max_frame_size(Some(relay.limits.max_frame_bytes));
    let remember = |request: &Request, response: Response| {
        readonly = read_only(request);
        Ok(response)
    };
    let handshake = tokio_tungstenite::accept_hdr_async_with_config(stream, remember, Some(config));
    let accepted = match relay.caps.handshake_timeout {
        Some(limit) => tokio::time::timeout(limit, handshake).await.ok(),
        None => Some(handshake.await),
    };
    let Some(Ok(socket)) = accepted else {
        Stats::add(&relay.stats.handshake_failed);
        return;
    };
    let permissions = if readonly {
        Permissions::READ_ONLY
    } else {
        Permissions::CLIENT
    };
    let (mut sink, mut incoming) = socket.split();
    let peer = Arc::new(Peer::new());
    relay.hub().peers.insert(id, Arc::clone(&peer));
    let out = Arc::clone(&peer);
    let mut writer = tokio::spawn(async move {
        let mut batch = Vec::new();
        while out.take(64, &mut batch).is_some() {
            if batch.is_empty() {
                out.ready.notified().await;
                continue;
            }
            // Many frames, one flush.
            for message in batch.drain(..) {
                if sink.feed(message).await.is_err() {
                    return;
                }
            }
            if sink.flush().await.is_err() {
                return;
            }
        }
        let _ = sink.close().await;
    });

    let now = Instant::now();
    let caps = &relay.caps;
    let mut conn = Conn {
        id,
        permissions,
        peer: Arc::clone(&peer),
        documents: HashMap::new(),
        frames: caps.frames.map(|rate| Bucket::new(rate, now)),
        bytes: caps.bytes.map(|rate| Bucket::new(rate, now)),
        bad: VecDeque::new(),
    };
    let mut last_heard = now;
    let mut pinged = false;
    let end = loop {
        let wake = if pinged {
            caps.peer_timeout.map(|t| last_heard + t)
        } else {
            match (caps.ping_interval, caps.peer_timeout) {
                (Some(p), Some(t)) => Some(last_heard + p.min(t)),
                (p, t) => p.or(t).map(|d| last_heard + d),
            }
        };
        let message = tokio::select! {
            biased;
            () = peer.kill.notified() => break End::Slow,
            () = sleep_until(wake) => {
                let silent = Instant::now().saturating_duration_since(last_heard);
                if caps.peer_timeout.is_some_and(|t| silent >= t) {
                    Stats::add(&relay.stats.closed_idle);
                    peer.close(CloseCode::Away, "idle");
                    break End::Closed;
                }
                pinged = true;
                let _ = peer.push(Message::Ping(Bytes::new()), caps);
                continue;
            }
            message = incoming.next() => message,
        };
        let now = Instant::now();
        relay.touch();
        // Every message counts towards the rate limits; only binary ones can be frames.
        let (frame, text) = match message {
            Some(Ok(Message::Binary(frame))) => (Some(frame), false),
            Some(Ok(Message::Text(text))) => (Some(Bytes::from(text)), true),
            // A WebSocket ping: answered by tungstenite, carries no frame.
            Some(Ok(Message::Ping(_))) => (None, false),
            Some(Ok(Message::Pong(_) | Message::Frame(_))) => {
                last_heard = now;
                pinged = false;
                continue;
            }
            Some(Err(WsError::Capacity(CapacityError::MessageTooLong { .. }))) => {
                Stats::add(&relay.stats.closed_oversized);
                break End::Peer;
            }
            Some(Ok(Message::Close(_)) | Err(_)) | None => break End::Peer,
        };
        last_heard = now;
        pinged = false;
        let len = frame.as_ref().map_or(0, Bytes::len);
        if !conn.admit(len, now) {
            Stats::add(&relay.stats.rate_limited);
            Stats::add(&relay.stats.closed_rate);
            peer.close(CloseCode::Policy, "rate limit");
            break End::Closed;
        }
        let verdict = match frame {
            Some(_) if text => {
                // A text message is not a frame ("ping" as text has crashed servers).
                Stats::add(&relay.stats.frames);
                Stats::add(&relay.stats.dropped);
                Verdict::Bad
            }
            Some(frame) => relay.handle(&mut conn, &frame, now),
            None => Verdict::Handled,
        };
        if verdict == Verdict::Bad && conn.too_many_bad(caps.max_bad_frames, now) {
            Stats::add(&relay.stats.closed_bad);
            peer.close(CloseCode::Policy, "too many invalid frames");
            break End::Closed;
        }
    };
    relay.leave(&conn);
    drop(incoming);
    // A dropped peer gets nothing more; any other may take CLOSE_GRACE to get what was
    // queued before its close.
    let dropped = end == End::Slow || peer.finish() == OutboxState::Dead;
    if dropped
        || tokio::time::timeout(CLOSE_GRACE, &mut writer)
            .await
            .is_err()
    {
        writer.abort();
    }
}

/// The listening socket, with the send buffer size its connections inherit.
async fn listen(options: &Options) -> std::io::Result<TcpListener> {
    let address = tokio::net::lookup_host((options.host.as_str(), options.port))
        .await?
        .next()
        .ok_or_else(|| std::io::Error::other("no address"))?;
    let socket = if address.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    if let Some(size) = options.caps.socket_send_buffer {
        socket.set_send_buffer_size(size)?;
    }
    socket.bind(address)?;
    socket.listen(1024)
}

/// Resolves when stdin reaches its end (read on a plain thread: a blocked read must not hold
/// up the runtime's shutdown).
fn stdin_closed() -> oneshot::Receiver<()> {
    let (done, closed) = oneshot::channel();
    std::thread::spawn(move || {
        let mut sink = std::io::sink();
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut sink);
        let _ = done.send(());
    });
    closed
}

async fn terminated() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> ExitCode {
    let options = match Options::parse() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let listener = match listen(&options).await {
        Ok(listener) => listener,
        Err(err) => {
            eprintln!(
                "relay: cannot bind {}:{}: {err}",
                options.host, options.port
            );
            return ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(addr) => println!("{addr}"),
        Err(err) => {
            eprintln!("relay: {err}");
            return ExitCode::FAILURE;
        }
    }

    let relay = Arc::new(Relay {
        hub: Mutex::default(),
        connections: Mutex::default(),
        stats: Stats::default(),
        limits: options.limits,
        caps: options.caps,
        started: Instant::now(),
        last_activity: AtomicU64::new(0),
    });
    // Without stdin watching, the branch below is disabled and this receiver never polled.
    let mut stdin = if options.stdin_exits {
        stdin_closed()
    } else {
        oneshot::channel().1
    };
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    let mut next_id = 0u64;
    let shutdown = terminated();
    tokio::pin!(shutdown);

    let reason = loop {
        tokio::select! {
            accepted = listener.accept() => {
                // Out of file descriptors, say: wait a little rather than spin.
                let Ok((stream, address)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                relay.touch();
                Stats::add(&relay.stats.connections);
                let Some(slot) = relay.admit_connection(address.ip()) else {
                    Stats::add(&relay.stats.connections_refused);
                    drop(stream);
                    continue;
                };
                next_id = next_id.wrapping_add(1);
                tokio::spawn(serve(Arc::clone(&relay), stream, next_id, slot));
            }
            _ = tick.tick() => {
                if options.idle_timeout.is_some_and(|limit| relay.idle_for() >= limit) {
                    break "idle";
                }
            }
            closed = &mut stdin, if options.stdin_exits => {
                let _ = closed;
                break "stdin closed";
            }
            () = &mut shutdown => break "signal",
        }
    };
    println!("relay stopped ({reason}): {}", relay.stats.line());
    ExitCode::SUCCESS
}
