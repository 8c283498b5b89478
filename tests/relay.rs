//! The relay example (`examples/relay.rs`) against real lib0 + `ws` clients in node
//! (`tests/js/relay-clients.mjs`): two read-write clients on two documents over one socket
//! each, a read-only client whose writes are refused, a client sending garbage that disturbs
//! nobody, and one whose oversized message closes only its own connection. The relay's
//! counters must match what the clients saw.
//!
//! Skipped with a message when `tests/js/node_modules` is missing, unless
//! `YJS_WIRE_REQUIRE_NODE=1` (as `.ci/run` sets), in which case that is a failure.
//! Only 127.0.0.1 is used; every wait has a time-out and every child is killed on failure.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const START_TIMEOUT: Duration = Duration::from_secs(20);
const CLIENTS_TIMEOUT: Duration = Duration::from_secs(60);
const STOP_TIMEOUT: Duration = Duration::from_secs(10);
/// The relay's frame limit; `relay-clients.mjs` sends one message just over it.
const MAX_FRAME: usize = 1 << 20;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Whether node, lib0 and ws are there; panics if they must be and are not.
fn node_ready() -> bool {
    let modules = root().join("tests/js/node_modules");
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|out| out.status.success());
    let ready = node && modules.join("lib0").is_dir() && modules.join("ws").is_dir();
    if !ready {
        let required = std::env::var("YJS_WIRE_REQUIRE_NODE").is_ok_and(|v| v == "1");
        assert!(
            !required,
            "node or tests/js/node_modules is missing: install node 20 and run `npm ci --prefix tests/js`"
        );
        // Straight to stderr, past the test harness's capture, so the skip is seen.
        let _ = writeln!(
            std::io::stderr(),
            "SKIPPED relay test: needs node and `npm ci --prefix tests/js` first"
        );
    }
    ready
}

/// The relay executable: the one `cargo test` just built beside this test (examples are built
/// with the tests, with the same features), if it is newer than every source it depends on;
/// otherwise built now.
fn relay_executable() -> PathBuf {
    let exe = std::env::current_exe().expect("test path");
    let profile_dir = exe
        .parent()
        .and_then(Path::parent)
        .expect("target/<profile>");
    let built = profile_dir
        .join("examples")
        .join(format!("relay{}", std::env::consts::EXE_SUFFIX));
    let modified = |path: &Path| path.metadata().and_then(|m| m.modified()).ok();
    let newest_source = ["src", "examples/relay.rs", "Cargo.toml", "Cargo.lock"]
        .iter()
        .flat_map(|p| files_under(&root().join(p)))
        .filter_map(|p| modified(&p))
        .max();
    match (modified(&built), newest_source) {
        (Some(built_at), Some(source_at)) if built_at >= source_at => built,
        _ => build_relay(),
    }
}

fn files_under(path: &Path) -> Vec<PathBuf> {
    match std::fs::read_dir(path) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .flat_map(|entry| files_under(&entry.path()))
            .collect(),
        Err(_) => vec![path.to_owned()],
    }
}

/// Build the example with this test's features and profile; the path of its executable.
fn build_relay() -> PathBuf {
    let mut features = Vec::new();
    for (on, name) in [
        (cfg!(feature = "std"), "std"),
        (cfg!(feature = "serde"), "serde"),
        (cfg!(feature = "cli"), "cli"),
    ] {
        if on {
            features.push(name);
        }
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .current_dir(root())
        .args(["build", "--example", "relay", "--no-default-features"])
        .args(["--message-format", "json-render-diagnostics"]);
    if !features.is_empty() {
        command.args(["--features", &features.join(",")]);
    }
    if !cfg!(debug_assertions) {
        command.arg("--release");
    }
    let output = command
        .stderr(Stdio::inherit())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo build --example relay failed"
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact" && msg["target"]["name"] == "relay")
        .find_map(|msg| msg["executable"].as_str().map(PathBuf::from))
        .expect("cargo reports the relay executable")
}

/// Lines of `reader`, sent to a channel by a thread (so reads can time out).
fn lines_of(reader: impl Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Kills the child when dropped (on a failed assertion too).
struct Guard(Child);

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Guard {
    fn wait_for(&mut self, limit: Duration, what: &str) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.0.try_wait().expect("try_wait") {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: not finished after {limit:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

/// `key=value` counters of the relay's last line.
fn counter(line: &str, key: &str) -> u64 {
    line.split_whitespace()
        .find_map(|pair| pair.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no {key}= in {line:?}"))
}

#[test]
fn relay_routes_refuses_and_survives_garbage_with_lib0_clients() {
    if !node_ready() {
        return;
    }
    let relay_exe = relay_executable();
    let mut relay = Guard(
        Command::new(&relay_exe)
            .args(["--host", "127.0.0.1", "--port", "0", "--idle-timeout", "60"])
            .args(["--max-frame-bytes", &MAX_FRAME.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the relay starts"),
    );
    let relay_stdin: ChildStdin = relay.0.stdin.take().expect("stdin");
    let relay_out = lines_of(relay.0.stdout.take().expect("stdout"));
    let addr = relay_out
        .recv_timeout(START_TIMEOUT)
        .expect("the relay prints its address");
    assert!(addr.starts_with("127.0.0.1:"), "loopback only: {addr}");

    let mut clients = Guard(
        Command::new("node")
            .arg("relay-clients.mjs")
            .arg(format!("ws://{addr}"))
            .current_dir(root().join("tests/js"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node runs"),
    );
    let client_out = lines_of(clients.0.stdout.take().expect("stdout"));
    let status = clients.wait_for(CLIENTS_TIMEOUT, "node relay-clients.mjs");
    let client_lines: Vec<String> = client_out.try_iter().collect();
    assert!(
        status.success(),
        "relay-clients.mjs failed ({status}); stdout: {client_lines:?}"
    );
    let figures: Value = serde_json::from_str(client_lines.last().expect("a figures line"))
        .expect("figures are JSON");
    let get = |key: &str| figures[key].as_u64().expect(key);

    // Closing stdin stops the relay, which prints its counters.
    drop(relay_stdin);
    let status = relay.wait_for(STOP_TIMEOUT, "relay after stdin closed");
    assert!(status.success(), "relay exit: {status}");
    // The process has exited, but its last lines may still be on their way through the reader
    // thread: read until the pipe closes (bounded by the same time-out).
    let deadline = std::time::Instant::now() + STOP_TIMEOUT;
    let mut stats: Vec<String> = Vec::new();
    while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
        match relay_out.recv_timeout(left) {
            Ok(line) => stats.push(line),
            Err(_) => break,
        }
    }
    let stats = stats
        .iter()
        .find(|line| line.starts_with("relay stopped (stdin closed):"))
        .unwrap_or_else(|| panic!("relay's counters line in {stats:?}"));

    println!(
        "relay test: frames sent {}, received {}, refused {}, dropped {}, oversized {}, pongs {}, checks {}",
        get("sent"),
        get("received"),
        get("refused"),
        get("dropped"),
        get("oversized"),
        get("pongs"),
        get("checks")
    );
    println!("{stats}");
    assert_eq!(counter(stats, "connections"), 5);
    assert_eq!(
        counter(stats, "frames"),
        get("sent") - get("oversized"),
        "every message but the oversized one reached it"
    );
    assert_eq!(counter(stats, "forwarded"), get("received"), "deliveries");
    assert_eq!(counter(stats, "refused"), get("refused"));
    assert_eq!(counter(stats, "dropped"), get("dropped"));
    assert_eq!(counter(stats, "pongs"), get("pongs"));
    assert_eq!(counter(stats, "lagged"), 0);
    assert!(get("refused") >= 5 && get("dropped") >= 10 && get("received") >= 10);
}
