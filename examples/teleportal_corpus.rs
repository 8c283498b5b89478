//! Print the teleportal benchmark corpus of `benches/teleportal_corpus.rs` as JSON lines
//! `{"name": "...", "hex": "..."}`, for the teleportal side of `benches/compare/`.
//!
//! ```sh
//! cargo run --release --example teleportal_corpus > teleportal-corpus.jsonl
//! ```

use std::io::{self, BufWriter, Write};

// Only names and bytes are printed; the frames are for the benches.
#[allow(dead_code)]
#[path = "../benches/teleportal_corpus.rs"]
mod teleportal_corpus;

fn main() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for item in teleportal_corpus::corpus() {
        write!(out, "{{\"name\":\"{}\",\"hex\":\"", item.name)?;
        for byte in item.bytes.iter() {
            write!(out, "{byte:02x}")?;
        }
        writeln!(out, "\"}}")?;
    }
    out.flush()
}
