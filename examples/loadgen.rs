//! Load generator for the relay example (`examples/relay.rs`): well-behaved clients, slow
//! readers and hostile peers, over one loopback WebSocket each.
//!
//! ```text
//! cargo run --release --example loadgen -- --url ws://127.0.0.1:PORT --connections N
//!     --documents M --seconds S --slow F --hostile F [--rate R] [--payload BYTES]
//!     [--relay-pid PID] [--max-frame-bytes N] [--seed N] [--timeout SECS]
//! ```
//!
//! - Client `i` works on document `i % M` (`loadgen/doc-K`). Roles are dealt at random
//!   (`--seed`): `round(N·hostile)` hostile peers, `round(N·slow)` slow readers, the rest
//!   well-behaved.
//! - **Well-behaved** clients subscribe with a sync-step-1, then each sends `--rate` updates
//!   per second (default 2) for `--seconds`, each carrying its sender, sequence number and
//!   send time (`--payload` bytes in all, default 64), and reads everything. Afterwards each
//!   sends `YJSping` and waits for its pong (so the relay has handled its updates), then,
//!   once all have, pings again: the second pong comes after everything the relay queued for
//!   it. `lost` counts, for every pair of well-behaved clients on a document, the updates one
//!   sent that the other did not receive. Latency is receive time minus send time.
//! - **Slow readers** subscribe with a 4 KiB receive buffer and never read again; at the end
//!   each reads what is left and counts as closed if the relay had closed it.
//! - **Hostile** peers cycle through six attacks during the run: random bytes and text
//!   messages; truncated, padded and non-canonical frames; updates for a new document each
//!   time (fan-out across names); server-to-client events (impersonation); one message over
//!   `--max-frame-bytes` (default 16 MiB, the relay's); and a flood of valid updates at
//!   1,000 per second. The first four send 250 frames at once, then 50 per second (under
//!   the relay's rate limit, so its bad-frame and document limits are what must close
//!   them). Attacks go on until the peer is closed; it counts as closed if that happens
//!   before the load generator is done.
//! - The relay's resident memory is read from `/proc/PID/status` (`--relay-pid`) every
//!   second: `relay_peak_rss_bytes` is the largest of those samples and of `VmHWM`.
//!
//! Only loopback URLs are accepted. Clients bind to source addresses `127.0.0.2` and up,
//! 16 per address, so the relay's per-address connection limit (20) sees them as separate
//! hosts. Every wait is bounded (`--timeout`, default 10 s per phase). The last line on stdout
//! is one JSON object: `delivered_per_s`, `p50_ms`, `p99_ms`, `lost`, `hostile`,
//! `hostile_closed`, `slow`, `slow_closed`, `relay_peak_rss_bytes` and more.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::json;
use tokio::net::{TcpSocket, TcpStream};
use tokio::sync::{watch, Notify, Semaphore};
use tokio::time::{timeout, Instant, MissedTickBehavior};
use tokio_tungstenite::tungstenite::{Bytes, Message};
use tokio_tungstenite::WebSocketStream;
use yjs_wire::{
    decode,
    snapshot::{DocMessage, SnapshotMeta, PING, PONG},
    Frame, U53,
};

/// Frames whose parts are `Bytes`.
type Owned = yjs_wire::snapshot::Shared;

type Ws = WebSocketStream<TcpStream>;

/// Marks a well-behaved client's update payload; a flooder's is `FLOOD_TAG`.
const TAG: &[u8; 2] = b"LG";
const FLOOD_TAG: &[u8; 2] = b"HX";
/// Tag, sender (u32), sequence number (u64), send time in µs since the start (u64).
const STAMP_LEN: usize = 22;

#[derive(Debug, Clone)]
struct Options {
    url: String,
    addr: SocketAddr,
    connections: usize,
    documents: usize,
    seconds: f64,
    slow: f64,
    hostile: f64,
    rate: f64,
    payload: usize,
    relay_pid: Option<u32>,
    max_frame_bytes: usize,
    seed: u64,
    timeout: Duration,
}

const USAGE: &str = "usage: loadgen --url ws://127.0.0.1:PORT --connections N --documents M \
--seconds S --slow F --hostile F [--rate R] [--payload BYTES] [--relay-pid PID] \
[--max-frame-bytes N] [--seed N] [--timeout SECS]";

impl Options {
    fn parse() -> Result<Options, String> {
        let mut values: HashMap<String, String> = HashMap::new();
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            if flag == "-h" || flag == "--help" {
                return Err(String::new());
            }
            let known = [
                "--url",
                "--connections",
                "--documents",
                "--seconds",
                "--slow",
                "--hostile",
                "--rate",
                "--payload",
                "--relay-pid",
                "--max-frame-bytes",
                "--seed",
                "--timeout",
            ];
            if !known.contains(&flag.as_str()) {
                return Err(format!("unknown argument {flag}"));
            }
            let value = args.next().ok_or(format!("{flag} needs a value"))?;
            values.insert(flag, value);
        }
        fn get<T: std::str::FromStr>(
            values: &HashMap<String, String>,
            flag: &str,
            default: Option<T>,
        ) -> Result<T, String>
        where
            T::Err: std::fmt::Display,
        {
            match values.get(flag) {
                Some(text) => text.parse().map_err(|e| format!("{flag} {text}: {e}")),
                None => default.ok_or(format!("{flag} is required")),
            }
        }
        let url: String = get(&values, "--url", None)?;
        let addr = loopback_address(&url)?;
        let share = |flag: &str| -> Result<f64, String> {
            let value: f64 = get(&values, flag, Some(0.0))?;
            if (0.0..=1.0).contains(&value) {
                Ok(value)
            } else {
                Err(format!("{flag} is a share, from 0 to 1"))
            }
        };
        let options = Options {
            addr,
            url,
            connections: get(&values, "--connections", None)?,
            documents: get::<usize>(&values, "--documents", None)?.max(1),
            seconds: get(&values, "--seconds", None)?,
            slow: share("--slow")?,
            hostile: share("--hostile")?,
            rate: get(&values, "--rate", Some(2.0))?,
            payload: get::<usize>(&values, "--payload", Some(64))?.max(STAMP_LEN),
            relay_pid: values
                .get("--relay-pid")
                .map(|pid| pid.parse().map_err(|e| format!("--relay-pid: {e}")))
                .transpose()?,
            max_frame_bytes: get(&values, "--max-frame-bytes", Some(16 << 20))?,
            seed: get(&values, "--seed", Some(1))?,
            timeout: Duration::from_secs_f64(get(&values, "--timeout", Some(10.0))?),
        };
        if !(options.seconds > 0.0 && options.rate > 0.0) {
            return Err("--seconds and --rate must be positive".to_owned());
        }
        if options.slow + options.hostile > 1.0 {
            return Err("--slow plus --hostile is more than 1".to_owned());
        }
        Ok(options)
    }
}

/// The socket address of a `ws://HOST:PORT/…` URL, if HOST is a loopback address.
fn loopback_address(url: &str) -> Result<SocketAddr, String> {
    let rest = url
        .strip_prefix("ws://")
        .ok_or(format!("{url}: only ws:// URLs"))?;
    let authority = rest.split('/').next().unwrap_or(rest);
    let addr = authority
        .to_socket_addrs()
        .map_err(|e| format!("{authority}: {e}"))?
        .next()
        .ok_or(format!("{authority}: no address"))?;
    if addr.ip().is_loopback() {
        Ok(addr)
    } else {
        Err(format!("{url}: loopback addresses only"))
    }
}

/// A small deterministic generator (xorshift64*), so runs can be repeated.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % (n.max(1) as u64)) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Good,
    Slow,
    Hostile(Attack),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attack {
    Garbage,
    Malformed,
    FanOut,
    Impersonate,
    Oversized,
    Flood,
}

const ATTACKS: [Attack; 6] = [
    Attack::Garbage,
    Attack::Malformed,
    Attack::FanOut,
    Attack::Impersonate,
    Attack::Oversized,
    Attack::Flood,
];

impl Attack {
    fn name(self) -> &'static str {
        match self {
            Attack::Garbage => "garbage",
            Attack::Malformed => "malformed",
            Attack::FanOut => "fan_out",
            Attack::Impersonate => "impersonate",
            Attack::Oversized => "oversized",
            Attack::Flood => "flood",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Setup,
    Run { start: Instant, end: Instant },
    Drain,
    Done,
}

/// A log-linear histogram of microseconds (32 buckets per power of two, about 3 %).
#[derive(Debug)]
struct Histogram(Vec<u64>);

impl Histogram {
    fn new() -> Histogram {
        Histogram(vec![0; 32 * 60])
    }
    fn index(us: u64) -> usize {
        if us < 32 {
            return us as usize;
        }
        let exp = 63 - u64::from(us.leading_zeros()); // >= 5
        let mantissa = (us >> (exp - 5)) - 32;
        (32 + (exp - 5) * 32 + mantissa) as usize
    }
    /// The middle of bucket `index`, in microseconds.
    fn value(index: usize) -> f64 {
        if index < 32 {
            return index as f64 + 0.5;
        }
        let exp = (index - 32) / 32 + 5;
        let mantissa = ((index - 32) % 32 + 32) as f64;
        let width = (1u64 << (exp - 5)) as f64;
        mantissa * width + width / 2.0
    }
    fn record(&mut self, us: u64) {
        let last = self.0.len() - 1;
        if let Some(slot) = self.0.get_mut(Self::index(us).min(last)) {
            *slot += 1;
        }
    }
    fn count(&self) -> u64 {
        self.0.iter().sum()
    }
    /// The `q` quantile in milliseconds.
    fn quantile_ms(&self, q: f64) -> f64 {
        let total = self.count();
        if total == 0 {
            return 0.0;
        }
        let rank = ((total as f64) * q).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (index, &n) in self.0.iter().enumerate() {
            seen += n;
            if seen >= rank {
                return Self::value(index) / 1000.0;
            }
        }
        0.0
    }
    fn max_ms(&self) -> f64 {
        self.0
            .iter()
            .rposition(|&n| n > 0)
            .map_or(0.0, |i| Self::value(i) / 1000.0)
    }
}

/// What every client task shares.
#[derive(Debug)]
struct Shared {
    options: Options,
    roles: Vec<Role>,
    phase: watch::Sender<Phase>,
    epoch: Instant,
    /// Updates each well-behaved client sent.
    sent: Vec<AtomicU64>,
    latency: Mutex<Histogram>,
    /// Clients that finished setting up (well or not).
    settled: AtomicUsize,
    /// Well-behaved clients still to report their first (flush) and second (drain) pong.
    to_flush: AtomicUsize,
    to_drain: AtomicUsize,
    progress: Notify,
    connect_slots: Semaphore,
    oversized: Bytes,
}

impl Shared {
    fn document(&self, client: usize) -> String {
        format!("loadgen/doc-{}", client % self.options.documents)
    }
    fn micros(&self) -> u64 {
        u64::try_from(self.epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
    }
    fn settle(&self) {
        self.settled.fetch_add(1, Ordering::SeqCst);
        self.progress.notify_one();
    }
    fn phase(&self) -> Phase {
        *self.phase.borrow()
    }
}

/// What one client saw.
#[derive(Debug, Default)]
struct Report {
    connected: bool,
    /// Closed by the relay (or its socket failed) before the end of the run.
    closed: bool,
    closed_after_ms: Option<f64>,
    /// Updates received per well-behaved sender.
    received: HashMap<u32, u64>,
    /// Updates not from a well-behaved client of this document (a flooder's, say).
    foreign: u64,
    error: Option<String>,
}

/// Sender-side bookkeeping that must happen however a well-behaved client ends.
struct Stages<'a> {
    shared: &'a Shared,
    flushed: bool,
    drained: bool,
}

impl Stages<'_> {
    fn flushed(&mut self) {
        if !self.flushed {
            self.flushed = true;
            self.shared.to_flush.fetch_sub(1, Ordering::SeqCst);
            self.shared.progress.notify_one();
        }
    }
    fn drained(&mut self) {
        if !self.drained {
            self.drained = true;
            self.shared.to_drain.fetch_sub(1, Ordering::SeqCst);
            self.shared.progress.notify_one();
        }
    }
}

impl Drop for Stages<'_> {
    fn drop(&mut self) {
        self.flushed();
        self.drained();
    }
}

async fn connect(shared: &Shared, client: usize, small_window: bool) -> Result<Ws, String> {
    let _permit = shared
        .connect_slots
        .acquire()
        .await
        .map_err(|e| e.to_string())?;
    let addr = shared.options.addr;
    let socket = match addr {
        SocketAddr::V4(_) => TcpSocket::new_v4(),
        SocketAddr::V6(_) => TcpSocket::new_v6(),
    }
    .map_err(|e| e.to_string())?;
    if let IpAddr::V4(ip) = addr.ip() {
        // 16 clients per source address: 127.0.0.2, 127.0.0.3, … (all loopback).
        if ip.octets().first() == Some(&127) {
            let host = 2 + (client / 16) % 250;
            let source = Ipv4Addr::new(127, 0, 0, u8::try_from(host).unwrap_or(2));
            let _ = socket.bind(SocketAddr::new(IpAddr::V4(source), 0));
        }
    }
    if small_window {
        let _ = socket.set_recv_buffer_size(4096);
    }
    let limit = shared.options.timeout;
    let stream = timeout(limit, socket.connect(addr))
        .await
        .map_err(|_| "connect: time-out".to_owned())?
        .map_err(|e| format!("connect: {e}"))?;
    let _ = stream.set_nodelay(true);
    let (ws, _) = timeout(
        limit,
        tokio_tungstenite::client_async(shared.options.url.as_str(), stream),
    )
    .await
    .map_err(|_| "handshake: time-out".to_owned())?
    .map_err(|e| format!("handshake: {e}"))?;
    Ok(ws)
}

fn ping() -> Message {
    Message::Binary(Bytes::from_static(&PING))
}

fn subscribe(shared: &Shared, client: usize) -> Message {
    let frame = Frame::<Owned>::sync_step1(shared.document(client), Bytes::from_static(&[0]));
    Message::Binary(frame.to_bytes())
}

/// A stamped update from `client`.
fn stamped(shared: &Shared, client: usize, tag: &[u8; 2], seq: u64) -> Message {
    let mut payload = Vec::with_capacity(shared.options.payload);
    payload.extend_from_slice(tag);
    payload.extend_from_slice(&u32::try_from(client).unwrap_or(u32::MAX).to_le_bytes());
    payload.extend_from_slice(&seq.to_le_bytes());
    payload.extend_from_slice(&shared.micros().to_le_bytes());
    payload.resize(shared.options.payload, 0xa5);
    let frame = Frame::<Owned>::update(shared.document(client), Bytes::from(payload));
    Message::Binary(frame.to_bytes())
}

/// Read one message with a deadline; `Err` when the connection is over.
async fn next(ws: &mut Ws, deadline: Instant) -> Result<Option<Message>, String> {
    match tokio::time::timeout_at(deadline, ws.next()).await {
        Err(_) => Ok(None),
        Ok(Some(Ok(Message::Close(_)))) => Err("closed by the relay".to_owned()),
        Ok(Some(Ok(message))) => Ok(Some(message)),
        Ok(Some(Err(e))) => Err(e.to_string()),
        Ok(None) => Err("connection ended".to_owned()),
    }
}

/// Subscribe and wait for the pong: the relay has the subscription.
async fn set_up(shared: &Shared, client: usize, ws: &mut Ws) -> Result<(), String> {
    ws.send(subscribe(shared, client))
        .await
        .map_err(|e| e.to_string())?;
    ws.send(ping()).await.map_err(|e| e.to_string())?;
    let deadline = Instant::now() + shared.options.timeout;
    loop {
        match next(ws, deadline).await? {
            Some(Message::Binary(data)) if data[..] == PONG => return Ok(()),
            Some(_) => {}
            None => return Err("no pong after subscribing".to_owned()),
        }
    }
}

/// Count a received update (well-behaved clients only).
fn receive(shared: &Shared, client: usize, data: &[u8], report: &mut Report) {
    let Ok(Frame::Doc {
        message: DocMessage::Update { update },
        ..
    }) = decode(data)
    else {
        return;
    };
    let sender = update
        .get(2..6)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_le_bytes);
    let sent_at = update
        .get(14..22)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes);
    let (Some(sender), Some(sent_at)) = (sender, sent_at) else {
        report.foreign += 1;
        return;
    };
    let documents = shared.options.documents;
    let ours = update.get(..2) == Some(&TAG[..])
        && shared.roles.get(sender as usize) == Some(&Role::Good)
        && sender as usize % documents == client % documents
        && sender as usize != client;
    if !ours {
        report.foreign += 1;
        return;
    }
    *report.received.entry(sender).or_default() += 1;
    let latency = shared.micros().saturating_sub(sent_at);
    shared
        .latency
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .record(latency);
}

async fn good(shared: Arc<Shared>, client: usize) -> Report {
    let mut report = Report::default();
    let mut stages = Stages {
        shared: &shared,
        flushed: false,
        drained: false,
    };
    let connected = match connect(&shared, client, false).await {
        Ok(mut ws) => set_up(&shared, client, &mut ws).await.map(|()| ws),
        Err(e) => Err(e),
    };
    shared.settle();
    let mut ws = match connected {
        Ok(ws) => ws,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    report.connected = true;
    if let Err(e) = run_good(&shared, client, &mut ws, &mut report, &mut stages).await {
        report.closed = true;
        report.error = Some(e);
    }
    drop(stages);
    let _ = timeout(Duration::from_secs(1), ws.close(None)).await;
    report
}

async fn run_good(
    shared: &Shared,
    client: usize,
    ws: &mut Ws,
    report: &mut Report,
    stages: &mut Stages<'_>,
) -> Result<(), String> {
    let mut phases = shared.phase.subscribe();
    let mut pongs = 0u32;
    let (start, end) = loop {
        if let Phase::Run { start, end } = *phases.borrow_and_update() {
            break (start, end);
        }
        if shared.phase() == Phase::Done {
            return Ok(());
        }
        tokio::select! {
            changed = phases.changed() => changed.map_err(|e| e.to_string())?,
            message = ws.next() => handle(shared, client, message, report, &mut pongs)?,
        }
    };
    let period = Duration::from_secs_f64(1.0 / shared.options.rate);
    let mut rng = Rng::new(shared.options.seed ^ (client as u64).wrapping_mul(7919));
    let offset = period.mul_f64((rng.next() % 1000) as f64 / 1000.0);
    let mut ticks = tokio::time::interval_at(start + offset, period);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut seq = 0u64;
    let sent = shared.sent.get(client).ok_or("no such client")?;
    loop {
        tokio::select! {
            now = ticks.tick() => {
                if now >= end {
                    break;
                }
                ws.send(stamped(shared, client, TAG, seq)).await.map_err(|e| e.to_string())?;
                seq += 1;
                sent.fetch_add(1, Ordering::Relaxed);
            }
            message = ws.next() => handle(shared, client, message, report, &mut pongs)?,
        }
    }
    // Flush: once this pong is back, the relay has handled (and queued) all our updates.
    for (stage, want) in [(0, 1), (1, 2)] {
        if stage == 1 {
            // Everyone has flushed: the second pong comes after everything queued for us.
            while *phases.borrow_and_update() != Phase::Drain {
                if matches!(shared.phase(), Phase::Done) {
                    return Ok(());
                }
                tokio::select! {
                    changed = phases.changed() => changed.map_err(|e| e.to_string())?,
                    message = ws.next() => handle(shared, client, message, report, &mut pongs)?,
                }
            }
        }
        ws.send(ping()).await.map_err(|e| e.to_string())?;
        let deadline = Instant::now() + shared.options.timeout;
        while pongs < want {
            match tokio::time::timeout_at(deadline, ws.next()).await {
                Ok(message) => handle(shared, client, message, report, &mut pongs)?,
                Err(_) => return Err(format!("no pong within {:?}", shared.options.timeout)),
            }
        }
        if stage == 0 {
            stages.flushed();
        } else {
            stages.drained();
        }
    }
    Ok(())
}

fn handle(
    shared: &Shared,
    client: usize,
    message: Option<Result<Message, tokio_tungstenite::tungstenite::Error>>,
    report: &mut Report,
    pongs: &mut u32,
) -> Result<(), String> {
    match message {
        Some(Ok(Message::Binary(data))) => {
            if data[..] == PONG {
                *pongs += 1;
            } else {
                receive(shared, client, &data, report);
            }
            Ok(())
        }
        Some(Ok(Message::Close(_))) => Err("closed by the relay".to_owned()),
        Some(Ok(_)) => Ok(()),
        Some(Err(e)) => Err(e.to_string()),
        None => Err("connection ended".to_owned()),
    }
}

async fn slow(shared: Arc<Shared>, client: usize) -> Report {
    let mut report = Report::default();
    let connected = match connect(&shared, client, true).await {
        Ok(mut ws) => set_up(&shared, client, &mut ws).await.map(|()| ws),
        Err(e) => Err(e),
    };
    shared.settle();
    let mut ws = match connected {
        Ok(ws) => ws,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    report.connected = true;
    // Never read until the end.
    let mut phases = shared.phase.subscribe();
    while *phases.borrow_and_update() != Phase::Done {
        if phases.changed().await.is_err() {
            break;
        }
    }
    // Read what is left: the relay closed us if the stream ends within the time-out.
    let deadline = Instant::now() + shared.options.timeout;
    loop {
        match tokio::time::timeout_at(deadline, ws.next()).await {
            Err(_) => break,
            Ok(Some(Ok(Message::Close(_)) | Err(_)) | None) => {
                report.closed = true;
                break;
            }
            Ok(Some(Ok(_))) => {}
        }
    }
    report
}

/// The next frame of `attack` (`n` counts the frames sent so far).
fn attack_frame(shared: &Shared, client: usize, attack: Attack, n: u64, rng: &mut Rng) -> Message {
    let document = shared.document(client);
    let valid = || Frame::<Owned>::update(document.clone(), Bytes::from(rng.clone().bytes(40)));
    match attack {
        Attack::Garbage => match n % 4 {
            0 => Message::Text("ping".into()),
            1 => Message::Binary(Bytes::new()),
            2 => Message::Binary(Bytes::from_static(b"YJSPING")),
            _ => {
                let len = 1 + rng.below(200);
                Message::Binary(Bytes::from(rng.bytes(len)))
            }
        },
        Attack::Malformed => {
            let mut bytes = valid().to_vec();
            match n % 4 {
                0 => bytes.truncate(bytes.len().saturating_sub(1 + rng.below(10))),
                1 => bytes.push(0),
                // Overlong varUint for the update's length (lib0 reads it, strict does not).
                2 => {
                    let at = bytes.len() - 41;
                    bytes.splice(at..=at, [0xa8, 0x00]);
                }
                // A length prefix claiming 2^40 bytes.
                _ => {
                    let at = bytes.len() - 41;
                    bytes.truncate(at);
                    bytes.extend_from_slice(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
                }
            }
            Message::Binary(Bytes::from(bytes))
        }
        Attack::FanOut => {
            let name = format!("loadgen/hostile-{client}/doc-{n}");
            let frame = Frame::<Owned>::update(name, Bytes::from(rng.bytes(16)));
            Message::Binary(frame.to_bytes())
        }
        Attack::Impersonate => {
            let meta = SnapshotMeta::new(U53::from(1u8), "forged", U53::from(0u8), "server");
            let frame = Frame::<Owned>::snapshot_created_event(document, meta);
            Message::Binary(frame.to_bytes())
        }
        Attack::Oversized => Message::Binary(shared.oversized.clone()),
        Attack::Flood => stamped(shared, client, FLOOD_TAG, n),
    }
}

async fn hostile(shared: Arc<Shared>, client: usize, attack: Attack) -> Report {
    let mut report = Report::default();
    let connected = match connect(&shared, client, false).await {
        Ok(mut ws) => set_up(&shared, client, &mut ws).await.map(|()| ws),
        Err(e) => Err(e),
    };
    shared.settle();
    let mut ws = match connected {
        Ok(ws) => ws,
        Err(e) => {
            report.error = Some(e);
            return report;
        }
    };
    report.connected = true;
    let mut phases = shared.phase.subscribe();
    let start = loop {
        match *phases.borrow_and_update() {
            Phase::Run { start, .. } => break start,
            Phase::Setup => {}
            Phase::Drain | Phase::Done => return report,
        }
        if phases.changed().await.is_err() {
            return report;
        }
    };
    // 250 frames at once, then 50 per second, stays under the relay's rate limit (bursts of
    // 500, 100/s), so the bad-frame and document limits are what must close these; a flooder
    // sends 1,000 per second; the oversized message goes once. Attacks go on after the run
    // until the peer is closed or the load generator is done.
    let (head, per_second) = match attack {
        Attack::Flood => (1, 1000.0),
        Attack::Oversized => (1, 0.0),
        _ => (250, 50.0),
    };
    let mut rng = Rng::new(shared.options.seed ^ (client as u64).wrapping_mul(104_729));
    // Paced by the clock, not by the ticks: a busy load generator sends what is due in one
    // batch (at most 200 frames) when it gets to this client.
    let mut ticks = tokio::time::interval_at(start, Duration::from_millis(20));
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let mut n = 0u64;
    let closed = loop {
        tokio::select! {
            now = ticks.tick() => {
                let due = head + (now.saturating_duration_since(start).as_secs_f64() * per_second) as u64;
                let batch = due.saturating_sub(n).min(250);
                let mut failed = false;
                for _ in 0..batch {
                    let frame = attack_frame(&shared, client, attack, n, &mut rng);
                    n += 1;
                    if ws.feed(frame).await.is_err() {
                        failed = true;
                        break;
                    }
                }
                if failed || (batch > 0 && ws.flush().await.is_err()) {
                    break true;
                }
            }
            message = ws.next() => match message {
                Some(Ok(Message::Close(_)) | Err(_)) | None => break true,
                Some(Ok(_)) => {}
            },
            changed = phases.changed() => {
                if changed.is_err() || *phases.borrow_and_update() == Phase::Done {
                    break false;
                }
            }
        }
    };
    if closed {
        report.closed = true;
        report.closed_after_ms = Some(start.elapsed().as_secs_f64() * 1000.0);
    }
    report
}

/// `VmRSS` and `VmHWM` of a process, in bytes.
fn rss(pid: u32) -> Option<(u64, u64)> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map(|kb| kb * 1024)
    };
    Some((field("VmRSS:")?, field("VmHWM:")?))
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
    let n = options.connections;
    let hostile_n = ((n as f64) * options.hostile).round() as usize;
    let slow_n = (((n as f64) * options.slow).round() as usize).min(n - hostile_n.min(n));
    let mut roles: Vec<Role> = (0..n)
        .map(|i| {
            if i < hostile_n {
                Role::Hostile(ATTACKS[i % ATTACKS.len()])
            } else if i < hostile_n + slow_n {
                Role::Slow
            } else {
                Role::Good
            }
        })
        .collect();
    let mut rng = Rng::new(options.seed);
    for i in (1..roles.len()).rev() {
        roles.swap(i, rng.below(i + 1));
    }
    let good_n = roles.iter().filter(|&&r| r == Role::Good).count();
    let oversized = Frame::<Owned>::update(
        yjs_wire::bytestring::ByteString::from_static("loadgen/oversized"),
        Bytes::from(vec![0u8; options.max_frame_bytes.saturating_add(1)]),
    )
    .to_bytes();
    let (phase, _) = watch::channel(Phase::Setup);
    let shared = Arc::new(Shared {
        sent: (0..n).map(|_| AtomicU64::new(0)).collect(),
        roles: roles.clone(),
        phase,
        epoch: Instant::now(),
        latency: Mutex::new(Histogram::new()),
        settled: AtomicUsize::new(0),
        to_flush: AtomicUsize::new(good_n),
        to_drain: AtomicUsize::new(good_n),
        progress: Notify::new(),
        connect_slots: Semaphore::new(64),
        oversized,
        options: options.clone(),
    });
    let tasks: Vec<_> = roles
        .iter()
        .enumerate()
        .map(|(i, &role)| {
            let shared = Arc::clone(&shared);
            match role {
                Role::Good => tokio::spawn(good(shared, i)),
                Role::Slow => tokio::spawn(slow(shared, i)),
                Role::Hostile(attack) => tokio::spawn(hostile(shared, i, attack)),
            }
        })
        .collect();

    // Bounded waits for each phase.
    let wait_for = |done: &dyn Fn() -> bool, limit: Duration| {
        let deadline = Instant::now() + limit;
        let shared = Arc::clone(&shared);
        let finished = done();
        async move {
            if finished {
                return;
            }
            let _ = tokio::time::timeout_at(deadline, shared.progress.notified()).await;
        }
    };
    let setup_limit = options.timeout * 3 + Duration::from_secs((n / 100) as u64);
    let setup_deadline = Instant::now() + setup_limit;
    while shared.settled.load(Ordering::SeqCst) < n && Instant::now() < setup_deadline {
        wait_for(&|| shared.settled.load(Ordering::SeqCst) >= n, setup_limit).await;
    }

    let start = Instant::now() + Duration::from_millis(100);
    let end = start + Duration::from_secs_f64(options.seconds);
    let _ = shared.phase.send(Phase::Run { start, end });
    let mut rss_samples: Vec<u64> = Vec::new();
    let mut rss_max = 0u64;
    let mut tick = tokio::time::interval_at(start, Duration::from_secs(1));
    while Instant::now() < end {
        tokio::select! {
            _ = tick.tick() => {
                if let Some((now, _)) = options.relay_pid.and_then(rss) {
                    rss_max = rss_max.max(now);
                    rss_samples.push(now);
                }
            }
            () = tokio::time::sleep_until(end) => {}
        }
    }
    let flush_deadline = Instant::now() + options.timeout;
    while shared.to_flush.load(Ordering::SeqCst) > 0 && Instant::now() < flush_deadline {
        wait_for(
            &|| shared.to_flush.load(Ordering::SeqCst) == 0,
            options.timeout,
        )
        .await;
    }
    let _ = shared.phase.send(Phase::Drain);
    let drain_deadline = Instant::now() + options.timeout;
    while shared.to_drain.load(Ordering::SeqCst) > 0 && Instant::now() < drain_deadline {
        wait_for(
            &|| shared.to_drain.load(Ordering::SeqCst) == 0,
            options.timeout,
        )
        .await;
    }
    let (rss_end, hwm) = options.relay_pid.and_then(rss).unwrap_or((0, 0));
    let _ = shared.phase.send(Phase::Done);

    let mut reports = Vec::with_capacity(n);
    let join_deadline = Instant::now() + options.timeout + Duration::from_secs(5);
    for task in tasks {
        let abort = task.abort_handle();
        match tokio::time::timeout_at(join_deadline, task).await {
            Ok(Ok(report)) => reports.push(report),
            _ => {
                abort.abort();
                reports.push(Report {
                    error: Some("task did not finish".to_owned()),
                    ..Report::default()
                });
            }
        }
    }

    // Every well-behaved receiver should have every update of every other well-behaved
    // sender of its document.
    let mut lost = 0u64;
    let mut delivered = 0u64;
    let mut foreign = 0u64;
    let mut connect_failed = 0u64;
    let mut good_closed = 0u64;
    for (receiver, report) in reports.iter().enumerate() {
        if !report.connected {
            connect_failed += 1;
        }
        if roles.get(receiver) != Some(&Role::Good) || !report.connected {
            continue;
        }
        good_closed += u64::from(report.closed);
        foreign += report.foreign;
        for (sender, sender_report) in reports.iter().enumerate() {
            let same_document = sender % options.documents == receiver % options.documents;
            if sender == receiver
                || !same_document
                || roles.get(sender) != Some(&Role::Good)
                || !sender_report.connected
            {
                continue;
            }
            let sent = shared
                .sent
                .get(sender)
                .map_or(0, |s| s.load(Ordering::Relaxed));
            let got = report
                .received
                .get(&u32::try_from(sender).unwrap_or(u32::MAX))
                .copied()
                .unwrap_or(0);
            delivered += got;
            lost += sent.saturating_sub(got);
        }
    }
    let count = |role: &dyn Fn(Role) -> bool, closed: bool| {
        roles
            .iter()
            .zip(&reports)
            .filter(|(&r, report)| role(r) && (!closed || report.closed))
            .count()
    };
    let mut by_attack = serde_json::Map::new();
    for attack in ATTACKS {
        let of = |r: Role| r == Role::Hostile(attack);
        by_attack.insert(
            attack.name().to_owned(),
            json!([count(&of, true), count(&of, false)]),
        );
    }
    let slowest_close = roles
        .iter()
        .zip(&reports)
        .filter(|(r, _)| matches!(r, Role::Hostile(_)))
        .filter_map(|(_, report)| report.closed_after_ms)
        .fold(0.0f64, f64::max);
    let sent: u64 = shared.sent.iter().map(|s| s.load(Ordering::Relaxed)).sum();
    let histogram = shared
        .latency
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let round = |x: f64| (x * 1000.0).round() / 1000.0;
    let errors: Vec<&str> = reports
        .iter()
        .filter_map(|r| r.error.as_deref())
        .take(5)
        .collect();
    let summary = json!({
        "connections": n,
        "documents": options.documents,
        "seconds": options.seconds,
        "rate": options.rate,
        "good": good_n,
        "sent": sent,
        "sent_per_s": round(sent as f64 / options.seconds),
        "delivered": delivered,
        "delivered_per_s": round(delivered as f64 / options.seconds),
        "p50_ms": round(histogram.quantile_ms(0.50)),
        "p99_ms": round(histogram.quantile_ms(0.99)),
        "max_ms": round(histogram.max_ms()),
        "lost": lost,
        "good_closed": good_closed,
        "connect_failed": connect_failed,
        "foreign": foreign,
        "hostile": hostile_n,
        "hostile_closed": count(&|r| matches!(r, Role::Hostile(_)), true),
        "hostile_closed_by_attack": by_attack,
        "hostile_slowest_close_ms": round(slowest_close),
        "slow": slow_n,
        "slow_closed": count(&|r| r == Role::Slow, true),
        "relay_peak_rss_bytes": options.relay_pid.map(|_| rss_max.max(hwm)),
        "relay_end_rss_bytes": options.relay_pid.map(|_| rss_end),
        "relay_rss_every_10s": rss_samples.iter().step_by(10).collect::<Vec<_>>(),
        "errors": errors,
    });
    drop(histogram);
    println!("{summary}");
    ExitCode::SUCCESS
}
