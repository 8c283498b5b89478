//! A WebSocket relay for yjs-wire frames: many documents over one connection each.
//!
//! ```text
//! cargo run --example relay -- [--host 127.0.0.1] [--port 0] [--idle-timeout 30]
//!                              [--max-frame-bytes 16777216] [--queue 1024] [--keep-stdin]
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
//!   allocates nothing; failure: dropped). Text messages are dropped. Nothing that fails
//!   closes the connection or disturbs another one;
//! - a WebSocket message over `--max-frame-bytes` is refused by tungstenite before it is
//!   buffered, and that one connection is closed (the stream cannot be resynchronized);
//! - `?readonly=1` in the connection URL makes it read-only ([`Permissions::READ_ONLY`]: read
//!   and control only); other connections are [`Permissions::CLIENT`] (no server-to-client
//!   responses or events);
//! - a slow peer whose queue is full loses frames (counted as `lagged`) instead of blocking
//!   the others.
//!
//! The first line on stdout is the bound address (`127.0.0.1:PORT`; `--port 0` picks a free
//! port). The relay stops after `--idle-timeout` seconds without a connection or a message
//! (0: never), when stdin reaches its end (unless `--keep-stdin`), or on Ctrl-C / SIGTERM,
//! and then prints one line of counters:
//!
//! ```text
//! relay stopped (stdin closed): connections=4 frames=23 forwarded=9 refused=3 dropped=7 pongs=5 lagged=0
//! ```

use std::collections::{HashMap, HashSet};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::handshake::server::{Request, Response};
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::{Bytes, Message};
use yjs_wire::{
    snapshot::{FrameKind, PONG},
    Decoder, Limits, Permissions,
};

/// Command-line options.
#[derive(Debug, Clone)]
struct Options {
    host: String,
    port: u16,
    idle_timeout: Option<Duration>,
    limits: Limits,
    queue: usize,
    stdin_exits: bool,
}

impl Options {
    fn parse() -> Result<Options, String> {
        let mut options = Options {
            host: "127.0.0.1".to_owned(),
            port: 0,
            idle_timeout: Some(Duration::from_secs(30)),
            limits: Limits::DEFAULT,
            queue: 1024,
            stdin_exits: true,
        };
        let mut args = std::env::args().skip(1);
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or(format!("{flag} needs a value"));
            let number = |text: String| text.parse::<u64>().map_err(|e| format!("{text}: {e}"));
            match flag.as_str() {
                "--host" => options.host = value()?,
                "--port" => options.port = value()?.parse().map_err(|e| format!("port: {e}"))?,
                "--idle-timeout" => {
                    let secs = number(value()?)?;
                    options.idle_timeout = (secs > 0).then(|| Duration::from_secs(secs));
                }
                "--max-frame-bytes" => {
                    let max = usize::try_from(number(value()?)?).map_err(|e| e.to_string())?;
                    options.limits.max_frame_bytes = max;
                    options.limits.max_payload_bytes = max;
                }
                "--queue" => {
                    options.queue = usize::try_from(number(value()?)?)
                        .map_err(|e| e.to_string())?
                        .max(1);
                }
                "--keep-stdin" => options.stdin_exits = false,
                "-h" | "--help" => return Err(String::new()),
                other => return Err(format!("unknown argument {other}")),
            }
        }
        Ok(options)
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
}

impl Stats {
    fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    fn line(&self) -> String {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        format!(
            "connections={} frames={} forwarded={} refused={} dropped={} pongs={} lagged={}",
            get(&self.connections),
            get(&self.frames),
            get(&self.forwarded),
            get(&self.refused),
            get(&self.dropped),
            get(&self.pongs),
            get(&self.lagged),
        )
    }
}

/// Who is connected, and who is subscribed to which document.
#[derive(Debug, Default)]
struct Hub {
    peers: HashMap<u64, mpsc::Sender<Message>>,
    subscribers: HashMap<String, HashSet<u64>>,
}

/// State shared by every connection.
#[derive(Debug)]
struct Relay {
    hub: Mutex<Hub>,
    stats: Stats,
    limits: Limits,
    queue: usize,
    started: Instant,
    /// Milliseconds since `started` of the last connection or message.
    last_activity: AtomicU64,
}

impl Relay {
    fn hub(&self) -> std::sync::MutexGuard<'_, Hub> {
        // A panicking connection task must not take the relay down with it.
        self.hub.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn touch(&self) {
        let now = u64::try_from(self.started.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_activity.store(now, Ordering::Relaxed);
    }

    fn idle_for(&self) -> Duration {
        let last = Duration::from_millis(self.last_activity.load(Ordering::Relaxed));
        self.started.elapsed().saturating_sub(last)
    }

    /// Subscribe `id` to `document` (if it is not yet) and queue `frame` for every other
    /// subscriber.
    fn publish(&self, id: u64, document: &str, frame: &Bytes, subscribed: &mut HashSet<String>) {
        let mut hub = self.hub();
        if !subscribed.contains(document) {
            subscribed.insert(document.to_owned());
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
            match peer.try_send(Message::Binary(frame.clone())) {
                Ok(()) => Stats::add(&self.stats.forwarded),
                Err(_) => Stats::add(&self.stats.lagged),
            }
        }
    }

    fn leave(&self, id: u64, subscribed: &HashSet<String>) {
        let mut hub = self.hub();
        hub.peers.remove(&id);
        for document in subscribed {
            if let Some(ids) = hub.subscribers.get_mut(document) {
                ids.remove(&id);
                if ids.is_empty() {
                    hub.subscribers.remove(document);
                }
            }
        }
    }

    /// Route one binary message from connection `id`.
    fn handle(
        &self,
        id: u64,
        permissions: Permissions,
        frame: &Bytes,
        own: &mpsc::Sender<Message>,
        subscribed: &mut HashSet<String>,
    ) {
        Stats::add(&self.stats.frames);
        let header = match Decoder::new().with_limits(self.limits).decode_header(frame) {
            Ok(header) => header,
            Err(_) => return Stats::add(&self.stats.dropped),
        };
        if !permissions.allows(header.access()) {
            return Stats::add(&self.stats.refused);
        }
        let Some(document) = header.document() else {
            if header.kind() == FrameKind::Ping {
                // Through the connection's queue, so the pong follows what was queued before.
                if own
                    .try_send(Message::Binary(Bytes::from_static(&PONG)))
                    .is_ok()
                {
                    Stats::add(&self.stats.pongs);
                }
            }
            return;
        };
        // Forward only what a strict peer accepts; borrowed decoding allocates nothing.
        if Decoder::new()
            .with_limits(self.limits)
            .decode(frame)
            .is_err()
        {
            return Stats::add(&self.stats.dropped);
        }
        self.publish(id, document, frame, subscribed);
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

// tungstenite's handshake callback returns its own (large) error response type.
#[allow(clippy::result_large_err)]
async fn serve(relay: Arc<Relay>, stream: TcpStream, id: u64) {
    let mut readonly = false;
    let config = WebSocketConfig::default()
        .max_message_size(Some(relay.limits.max_frame_bytes))
        .max_frame_size(Some(relay.limits.max_frame_bytes));
    let remember = |request: &Request, response: Response| {
        readonly = read_only(request);
        Ok(response)
    };
    let accepted =
        tokio_tungstenite::accept_hdr_async_with_config(stream, remember, Some(config)).await;
    let Ok(socket) = accepted else {
        return;
    };
    let permissions = if readonly {
        Permissions::READ_ONLY
    } else {
        Permissions::CLIENT
    };
    let (mut sink, mut incoming) = socket.split();
    let (own, mut queue) = mpsc::channel::<Message>(relay.queue);
    relay.hub().peers.insert(id, own.clone());
    let writer = tokio::spawn(async move {
        while let Some(message) = queue.recv().await {
            if sink.send(message).await.is_err() {
                break;
            }
        }
        let _ = sink.close().await;
    });

    let mut subscribed = HashSet::new();
    while let Some(message) = incoming.next().await {
        relay.touch();
        match message {
            Ok(Message::Binary(frame)) => {
                relay.handle(id, permissions, &frame, &own, &mut subscribed);
            }
            Ok(Message::Text(_)) => {
                // A text message is not a frame ("ping" as text has crashed servers).
                Stats::add(&relay.stats.frames);
                Stats::add(&relay.stats.dropped);
            }
            Ok(Message::Close(_)) | Err(_) => break,
            // WebSocket-level ping/pong are answered by tungstenite itself.
            Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_)) => {}
        }
    }
    relay.leave(id, &subscribed);
    drop(own);
    let _ = writer.await;
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
            eprintln!("{message}\nusage: relay [--host H] [--port P] [--idle-timeout SECS] [--max-frame-bytes N] [--queue N] [--keep-stdin]");
            return ExitCode::from(2);
        }
    };
    let listener = match TcpListener::bind((options.host.as_str(), options.port)).await {
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
        stats: Stats::default(),
        limits: options.limits,
        queue: options.queue,
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
                let Ok((stream, _)) = accepted else { continue };
                relay.touch();
                Stats::add(&relay.stats.connections);
                next_id = next_id.wrapping_add(1);
                tokio::spawn(serve(Arc::clone(&relay), stream, next_id));
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
