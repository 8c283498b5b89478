/**
 * The timing both comparison scripts share (lib0.mjs under node, teleportal.mts under Bun):
 * read a corpus of {"name","hex"} lines, check each item round-trips through the codec, time
 * decode + touch and encode, print {"<name>": {"decode": ns, "encode": ns, "bytes": n}, ...}.
 */
import { readFileSync } from 'node:fs'

let sink = 0

/** Whether two byte arrays hold the same bytes. */
export const sameBytes = (a, b) => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** Median ns per call of `fn` over samples of about `sampleMs`, after `warmupMs`. */
export const time = (fn, { warmupMs = 300, sampleMs = 10, samples = 40 } = {}) => {
  const now = () => Number(process.hrtime.bigint())
  let iters = 1
  const warmEnd = now() + warmupMs * 1e6
  while (now() < warmEnd) {
    const t0 = now()
    for (let i = 0; i < iters; i++) sink ^= fn()
    const dt = now() - t0
    if (dt < sampleMs * 1e6) iters = Math.max(1, Math.ceil(iters * Math.min(4, (sampleMs * 1e6) / Math.max(dt, 1))))
  }
  const perCall = []
  for (let s = 0; s < samples; s++) {
    const t0 = now()
    for (let i = 0; i < iters; i++) sink ^= fn()
    perCall.push((now() - t0) / iters)
  }
  perCall.sort((a, b) => a - b)
  return perCall[perCall.length >> 1]
}

/**
 * Time `label`'s codec on the corpus file named by the first argument: each item is decoded
 * once and must encode back to its bytes; then `decode` (+ `touch`, returning a number) and
 * `encode` of the decoded value are timed. Prints the JSON on stdout, progress on stderr.
 */
export const timeCorpus = ({ label, decode, encode, touch }) => {
  const path = process.argv[2]
  if (!path) throw new Error(`usage: ${label} CORPUS.jsonl`)
  const items = readFileSync(path, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line))
  const out = {}
  for (const { name, hex } of items) {
    const bytes = Uint8Array.from(Buffer.from(hex, 'hex'))
    const value = decode(bytes)
    if (!sameBytes(encode(value), bytes)) throw new Error(`${name}: ${label} re-encode differs`)
    const decodeNs = time(() => touch(decode(bytes)))
    const encodeNs = time(() => encode(value).length)
    out[name] = { decode: decodeNs, encode: encodeNs, bytes: bytes.length }
    process.stderr.write(`${label} ${name}: decode ${decodeNs.toFixed(1)} ns, encode ${encodeNs.toFixed(1)} ns\n`)
  }
  process.stdout.write(JSON.stringify(out, null, 1) + '\n')
  if (sink === 0.5) process.stderr.write('unreachable\n')
}
