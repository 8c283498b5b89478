//! `yjs-wire`: inspect and build frames of the YJS wire protocol as JSON lines.
//!
//! ```text
//! yjs-wire decode [--pretty] [HEX ...]    one JSON line per frame (stdin lines if no HEX)
//! yjs-wire decode --example [--pretty]    decode a built-in example frame
//! yjs-wire decode --keep-unknown-kinds     show a snapshot kind this build does not know as
//!                                          {"type": KIND, "payload": HEX} instead of failing
//! yjs-wire encode [JSON ...]              one lowercase hex line per frame (stdin lines if no JSON)
//! yjs-wire decode --dialect teleportal     the teleportal 0.0.7 dialect (encode takes it too);
//!                                          --dialect snapshot is the default
//! yjs-wire id [HEX ...]                    teleportal's message id of each frame (no decoding)
//! ```
//!
//! `decode` also takes the decoding limits (`yjs_wire::Limits`; the defaults are what
//! `yjs_wire::decode` uses) as `--max-frame-bytes N`, `--max-name-bytes N`,
//! `--max-string-bytes N`, `--max-payload-bytes N` and `--max-list-entries N` (or `--flag=N`),
//! for instance to look at a captured frame whose document name is over 1,024 bytes.
//!
//! A frame that fails prints `{"error": KIND, "offset": N, "message": "..."}` and the run goes
//! on; the exit status is 1 if any frame failed, else 0 (2 for a usage error). `encode` prints
//! only frames that the strict decoder accepts with the default limits. The rules (offsets of
//! `invalid-hex` and `invalid-json`, blank and non-UTF-8 lines) are in `spec/json-form.md`.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde_json::{json, Value};
use yjs_wire::{bytes::Bytes, snapshot::Shared, teleportal, Decoder, Frame, Limits};

const USAGE: &str =
    "usage: yjs-wire decode [--pretty] [--example] [--keep-unknown-kinds] [LIMITS] [HEX ...]
       yjs-wire encode [--pretty] [JSON ...]
       yjs-wire decode|encode --dialect teleportal [...]
       yjs-wire id [HEX ...]
Each argument (or else each line of standard input) is one frame: hex for decode, the JSON
form for encode. Prints one line per frame; failures print {\"error\", \"offset\", \"message\"}.
--keep-unknown-kinds shows a snapshot message of a kind this build does not know as its kind
and raw payload (relay mode) instead of failing with unknown-snapshot-kind.
encode prints an error line instead of a frame that a strict decoder would reject.
--dialect snapshot (default) or teleportal picks the wire (teleportal: the 0.0.7 dialect).
`id` prints teleportal's message id of each hex frame.
LIMITS (decode only; each is --flag N or --flag=N, a count of bytes or entries):";

/// The part of the usage text after the limit flags.
const USAGE_END: &str =
    "Exit status: 0 if every frame succeeded, 1 if any failed, 2 on a usage error.";

/// The usage text, with each limit flag and its default (the library's `Limits::DEFAULT`).
fn usage() -> String {
    let mut text = format!("{USAGE}\n");
    let mut defaults = Limits::DEFAULT;
    for (flag, field, what) in LIMIT_FLAGS {
        let default = *field(&mut defaults);
        let flag = format!("{flag} N");
        text.push_str(&format!("  {flag:<22}{what} (default {default})\n"));
    }
    text.push_str(USAGE_END);
    text
}

/// A `snapshot-fetch-response` for "my-document": META {id 2, "Final version", createdAt
/// 1762000000000, user "alice"} and 4 bytes of content.
const EXAMPLE: &str =
    "594a53010b6d792d646f63756d656e740217736e617073686f742d66657463682d726573706f6e7365\
020d46696e616c2076657273696f6e80a889fba33305616c6963650401020304";

#[derive(Clone, Copy, PartialEq)]
enum Verb {
    Decode,
    Encode,
    Id,
}

#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    Snapshot,
    Teleportal,
}

struct Options {
    verb: Verb,
    pretty: bool,
    decode: Decoder,
    dialect: Dialect,
    inputs: Vec<String>,
}

/// The limit flags of `decode`, each with the `Limits` field it sets.
type LimitField = fn(&mut Limits) -> &mut usize;

/// The limit flags of `decode`: flag, the `Limits` field it sets, what it bounds.
const LIMIT_FLAGS: [(&str, LimitField, &str); 5] = [
    (
        "--max-frame-bytes",
        |l| &mut l.max_frame_bytes,
        "largest whole frame",
    ),
    (
        "--max-name-bytes",
        |l| &mut l.max_name_bytes,
        "largest document name",
    ),
    (
        "--max-string-bytes",
        |l| &mut l.max_string_bytes,
        "largest other string (kind, snapshot name, user id, ...)",
    ),
    (
        "--max-payload-bytes",
        |l| &mut l.max_payload_bytes,
        "largest byte array (update, state vector, content, ...)",
    ),
    (
        "--max-list-entries",
        |l| &mut l.max_list_entries,
        "most entries in one list",
    ),
];

/// A flag's value: from `--flag=VALUE` or else the next argument.
fn flag_value(
    flag: &str,
    inline: Option<&str>,
    args: &mut impl Iterator<Item = String>,
) -> Result<String, String> {
    match inline {
        Some(value) => Ok(value.to_owned()),
        None => args
            .next()
            .ok_or_else(|| format!("option {flag:?} needs a value")),
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let verb = match args.next().as_deref() {
        Some("decode") => Verb::Decode,
        Some("encode") => Verb::Encode,
        Some("id") => Verb::Id,
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command {other:?}")),
    };
    let mut options = Options {
        verb,
        pretty: false,
        decode: Decoder::STRICT,
        dialect: Dialect::Snapshot,
        inputs: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value)),
            _ => (arg.as_str(), None),
        };
        if let Some((_, field, _)) = LIMIT_FLAGS.iter().find(|(name, _, _)| *name == flag) {
            if verb != Verb::Decode {
                return Err(format!("option {flag:?} is for decode"));
            }
            let value = flag_value(flag, inline, &mut args)?;
            let mut limits = *options.decode.limits();
            *field(&mut limits) = value
                .parse()
                .map_err(|_| format!("option {flag:?} takes a number, not {value:?}"))?;
            options.decode = options.decode.with_limits(limits);
            continue;
        }
        if inline.is_some() {
            return Err(format!("option {flag:?} takes no value"));
        }
        match arg.as_str() {
            "--dialect" if verb != Verb::Id => {
                options.dialect = match args.next().as_deref() {
                    Some("snapshot") => Dialect::Snapshot,
                    Some("teleportal") => Dialect::Teleportal,
                    other => return Err(format!("unknown dialect {other:?}")),
                };
            }
            "--pretty" => options.pretty = true,
            "--example" if verb == Verb::Decode => options.inputs.push(EXAMPLE.to_owned()),
            "--keep-unknown-kinds" if verb == Verb::Decode => {
                options.decode = options.decode.keep_unknown_kinds(true);
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            _ => options.inputs.push(arg),
        }
    }
    Ok(options)
}

fn error_line(kind: &str, offset: usize, message: impl std::fmt::Display) -> Value {
    json!({"error": kind, "offset": offset, "message": message.to_string()})
}

/// One hex frame to its JSON line.
fn decode_line(hex: &[u8], decoder: &Decoder) -> Result<Value, Value> {
    let bytes = input_bytes(hex)?;
    let frame = decoder
        .decode(&bytes)
        .map_err(|err| error_line(err.kind().as_str(), err.offset(), err))?;
    serde_json::to_value(&frame).map_err(|err| error_line("internal", 0, err))
}

/// One JSON frame to its hex line. A line that is not JSON fails at the byte where the syntax
/// check stopped (the line's length if it ends too early); JSON that is not a frame fails at 0; a frame that a strict decoder with the
/// default limits would reject (a name over 1,024 bytes) fails with that decoder's error.
fn encode_line(line: &[u8], dialect: Dialect) -> Result<Value, Value> {
    let text = std::str::from_utf8(line)
        .map_err(|err| error_line("invalid-json", err.valid_up_to(), err))?;
    serde_json::from_str::<serde::de::IgnoredAny>(text).map_err(|err| {
        // A line that ends too early fails where the missing text would start.
        if err.classify() == serde_json::error::Category::Eof {
            return error_line("invalid-json", text.len(), err);
        }
        let offset = text
            .split('\n')
            .take(err.line().saturating_sub(1))
            .map(|line| line.len() + 1)
            .sum::<usize>()
            + err.column().saturating_sub(1);
        error_line("invalid-json", offset, err)
    })?;
    let not_a_frame = |err| error_line("invalid-json", 0, err);
    let (bytes, strict) = match dialect {
        Dialect::Snapshot => {
            let frame: Frame<Shared> = serde_json::from_str(text).map_err(not_a_frame)?;
            let bytes = frame.to_vec();
            let strict = Decoder::STRICT.decode(&bytes).map(drop);
            (bytes, strict)
        }
        Dialect::Teleportal => {
            let frame: teleportal::Frame<Shared> =
                serde_json::from_str(text).map_err(not_a_frame)?;
            let bytes = frame.to_vec();
            let strict = teleportal::decode(&bytes).map(drop);
            (bytes, strict)
        }
    };
    strict.map_err(|err| {
        let message = format!("the frame would be rejected by a strict decoder: {err}");
        error_line(err.kind().as_str(), err.offset(), message)
    })?;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::String(hex))
}

/// One hex frame of the teleportal dialect to its JSON line.
fn teleportal_decode_line(hex: &[u8], limits: &Limits) -> Result<Value, Value> {
    let bytes = input_bytes(hex)?;
    let frame = teleportal::decode_shared_with(&bytes, limits)
        .map_err(|err| error_line(err.kind().as_str(), err.offset(), err))?;
    serde_json::to_value(&frame).map_err(|err| error_line("internal", 0, err))
}

/// One hex frame to teleportal's message id (the bytes are not decoded).
fn id_line(hex: &[u8]) -> Result<Value, Value> {
    let bytes = input_bytes(hex)?;
    Ok(Value::String(teleportal::message_id(&bytes).to_string()))
}

fn input_bytes(hex: &[u8]) -> Result<Bytes, Value> {
    hex_to_bytes(hex)
        .map_err(|at| error_line("invalid-hex", at, format!("invalid hex at byte {at}")))
}

/// Bytes from hex digits of either case, ASCII whitespace anywhere ignored; else the index of
/// the first byte that is neither, or (odd number of digits) of the last digit.
fn hex_to_bytes(hex: &[u8]) -> Result<Bytes, usize> {
    let mut out = Vec::with_capacity(hex.len() / 2);
    let mut high: Option<(usize, u8)> = None;
    for (at, &c) in hex.iter().enumerate() {
        if c.is_ascii_whitespace() {
            continue;
        }
        let digit = char::from(c).to_digit(16).ok_or(at)? as u8;
        match high.take() {
            Some((_, h)) => out.push(h << 4 | digit),
            None => high = Some((at, digit)),
        }
    }
    match high {
        Some((at, _)) => Err(at),
        None => Ok(Bytes::from(out)),
    }
}

fn render(value: &Value, pretty: bool) -> String {
    match value {
        Value::String(hex) => hex.clone(),
        _ if pretty => serde_json::to_string_pretty(value).unwrap_or_default(),
        _ => value.to_string(),
    }
}

fn run(options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let convert = |line: &[u8]| match (options.verb, options.dialect) {
        (Verb::Id, _) => id_line(line),
        (Verb::Decode, Dialect::Snapshot) => decode_line(line, &options.decode),
        (Verb::Decode, Dialect::Teleportal) => {
            teleportal_decode_line(line, options.decode.limits())
        }
        (Verb::Encode, dialect) => encode_line(line, dialect),
    };
    let mut all_ok = true;
    let mut emit = |line: &[u8], out: &mut dyn Write| -> io::Result<()> {
        let result = convert(line);
        all_ok &= result.is_ok();
        let value = result.unwrap_or_else(|err| err);
        writeln!(out, "{}", render(&value, options.pretty))
    };
    if options.inputs.is_empty() {
        // Lines as bytes: a line that is not UTF-8 is an error line, not the end of the run.
        for line in io::stdin().lock().split(b'\n') {
            let line = line?;
            emit(line.strip_suffix(b"\r").unwrap_or(&line), out)?;
        }
    } else {
        for input in &options.inputs {
            emit(input.as_bytes(), out)?;
        }
    }
    Ok(all_ok)
}

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("yjs-wire: {problem}");
            }
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match run(&options, &mut out).and_then(|ok| out.flush().map(|()| ok)) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(err) => {
            eprintln!("yjs-wire: {err}");
            ExitCode::from(1)
        }
    }
}
