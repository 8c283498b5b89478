//! Print the benchmark corpus of `benches/corpus.rs` as JSON lines
//! `{"name": "...", "hex": "..."}`, for the lib0 side of `benches/compare/`.
//!
//! ```sh
//! cargo run --release --example corpus > corpus.jsonl
//! ```

use std::io::{self, BufWriter, Write};

// Only names and bytes are printed; the frames are for the benches.
#[allow(dead_code)]
#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for item in corpus::corpus() {
        write!(out, "{{\"name\":\"{}\",\"hex\":\"", item.name)?;
        for byte in item.bytes.iter() {
            write!(out, "{byte:02x}")?;
        }
        writeln!(out, "\"}}")?;
    }
    out.flush()
}
