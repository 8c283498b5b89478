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
//! A frame that fails prints `{"error": KIND, "offset": N, "message": "..."}` and the run goes
//! on; the exit status is 1 if any frame failed, else 0 (2 for a usage error).

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use serde_json::{json, Value};
use yjs_wire::{bytes::Bytes, snapshot::Shared, teleportal, Decoder, Frame};

const USAGE: &str = "usage: yjs-wire decode [--pretty] [--example] [--keep-unknown-kinds] [HEX ...]
       yjs-wire encode [--pretty] [JSON ...]
       yjs-wire decode|encode --dialect teleportal [...]
       yjs-wire id [HEX ...]
Each argument (or else each line of standard input) is one frame: hex for decode, the JSON
form for encode. Prints one line per frame; failures print {\"error\", \"offset\", \"message\"}.
--keep-unknown-kinds shows a snapshot message of a kind this build does not know as its kind
and raw payload (relay mode) instead of failing with unknown-snapshot-kind.
--dialect snapshot (default) or teleportal picks the wire (teleportal: the 0.0.7 dialect).
`id` prints teleportal's message id of each hex frame.
Exit status: 0 if every frame succeeded, 1 if any failed, 2 on a usage error.";

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
    let mut args = args;
    while let Some(arg) = args.next() {
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
fn decode_line(hex: &str, decoder: &Decoder) -> Result<Value, Value> {
    let compact: String = hex.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let bytes = hex_to_bytes(&compact)
        .map_err(|at| error_line("invalid-hex", at, format!("invalid hex at character {at}")))?;
    let frame = decoder
        .decode(&bytes)
        .map_err(|err| error_line(err.kind().as_str(), err.offset(), err))?;
    serde_json::to_value(&frame).map_err(|err| error_line("internal", 0, err))
}

/// One JSON frame to its hex line.
fn encode_line(text: &str) -> Result<Value, Value> {
    let frame: Frame<Shared> = serde_json::from_str(text).map_err(|err| {
        let offset = text
            .lines()
            .take(err.line().saturating_sub(1))
            .map(|line| line.len() + 1)
            .sum::<usize>()
            + err.column().saturating_sub(1);
        error_line("invalid-json", offset, err)
    })?;
    let hex: String = frame.to_vec().iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::String(hex))
}

fn input_bytes(hex: &str) -> Result<Bytes, Value> {
    let compact: String = hex.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    hex_to_bytes(&compact)
        .map_err(|at| error_line("invalid-hex", at, format!("invalid hex at character {at}")))
}

/// One hex frame of the teleportal dialect to its JSON line.
fn teleportal_decode_line(hex: &str) -> Result<Value, Value> {
    let bytes = input_bytes(hex)?;
    let frame = teleportal::decode_shared(&bytes)
        .map_err(|err| error_line(err.kind().as_str(), err.offset(), err))?;
    serde_json::to_value(&frame).map_err(|err| error_line("internal", 0, err))
}

/// One JSON frame of the teleportal dialect to its hex line.
fn teleportal_encode_line(text: &str) -> Result<Value, Value> {
    let frame: teleportal::Frame<Shared> = serde_json::from_str(text).map_err(|err| {
        let offset = text
            .lines()
            .take(err.line().saturating_sub(1))
            .map(|line| line.len() + 1)
            .sum::<usize>()
            + err.column().saturating_sub(1);
        error_line("invalid-json", offset, err)
    })?;
    let hex: String = frame.to_vec().iter().map(|b| format!("{b:02x}")).collect();
    Ok(Value::String(hex))
}

/// One hex frame to teleportal's message id.
fn id_line(hex: &str) -> Result<Value, Value> {
    let bytes = input_bytes(hex)?;
    Ok(Value::String(teleportal::message_id(&bytes).to_string()))
}

fn hex_to_bytes(hex: &str) -> Result<Bytes, usize> {
    let digits = hex.as_bytes();
    if digits.len() % 2 == 1 {
        return Err(digits.len() - 1);
    }
    let mut out = Vec::with_capacity(digits.len() / 2);
    for (i, pair) in digits.chunks(2).enumerate() {
        let text = std::str::from_utf8(pair).map_err(|_| i * 2)?;
        out.push(u8::from_str_radix(text, 16).map_err(|_| i * 2)?);
    }
    Ok(Bytes::from(out))
}

fn render(value: &Value, pretty: bool) -> String {
    match value {
        Value::String(hex) => hex.clone(),
        _ if pretty => serde_json::to_string_pretty(value).unwrap_or_default(),
        _ => value.to_string(),
    }
}

fn run(options: &Options, out: &mut impl Write) -> io::Result<bool> {
    let convert = |line: &str| match (options.verb, options.dialect) {
        (Verb::Id, _) => id_line(line),
        (Verb::Decode, Dialect::Snapshot) => decode_line(line, &options.decode),
        (Verb::Encode, Dialect::Snapshot) => encode_line(line),
        (Verb::Decode, Dialect::Teleportal) => teleportal_decode_line(line),
        (Verb::Encode, Dialect::Teleportal) => teleportal_encode_line(line),
    };
    let mut all_ok = true;
    let mut emit = |line: &str, out: &mut dyn Write| -> io::Result<()> {
        let result = convert(line);
        all_ok &= result.is_ok();
        let value = result.unwrap_or_else(|err| err);
        writeln!(out, "{}", render(&value, options.pretty))
    };
    if options.inputs.is_empty() {
        for line in io::stdin().lock().lines() {
            let line = line?;
            emit(line.trim_end_matches('\r'), out)?;
        }
    } else {
        for input in &options.inputs {
            emit(input, out)?;
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
            eprintln!("{USAGE}");
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
