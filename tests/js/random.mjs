/**
 * Deterministic random frames in the JSON form, uniform over the 30 frame
 * shapes (ping, pong, 3 doc types, awareness, 24 snapshot kinds), with adversarial values. Every frame it makes is valid under the
 * default limits of notes/design-v1.md (names <= 1024 bytes, lists <= 100000).
 * @module random
 */
import { SNAPSHOT_KINDS, SNAPSHOT_FIELDS, DETAILS_FIELDS, ERROR_CODES, STATES, fieldType } from './codec.mjs'

/** How many frame shapes there are: ping, pong, three doc types, awareness, every snapshot kind. */
export const SHAPES = 6 + SNAPSHOT_KINDS.length

/**
 * A seeded PRNG (the mulberry32 recipe); returns floats in [0, 1) with 32 bits.
 * @param {number} seed 32-bit seed
 * @returns {() => number}
 */
export const prng = (seed) => {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = Math.imul(s ^ (s >>> 15), s | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A 32-bit seed from any string (FNV-1a), so "--seed 1" and "--seed abc" both work.
 * @param {string} text
 * @returns {number}
 */
export const seedFrom = (text) => {
  let h = 0x811c9dc5
  for (const ch of new TextEncoder().encode(String(text))) h = Math.imul(h ^ ch, 0x01000193) >>> 0
  return h
}

/** Values at every varint length boundary: 0, 2^(7k)-1, 2^(7k), and 2^53-1. */
export const VARINT_EDGES = [0, 1]
for (let k = 1; k <= 7; k++) VARINT_EDGES.push(2 ** (7 * k) - 1, 2 ** (7 * k))
VARINT_EDGES.push(2 ** 53 - 1)

/** Text pieces: ASCII, control, NUL, BOM, UTF-8 length edges, CJK, emoji (4-byte), ZWJ sequences. */
const PIECES = [
  'a', 'Z', '0', ' ', '-', '/', '.', '"', '\\', '\n', '\t', '\u0000', '\u001f', '\u007f', '\uFEFF',
  '\u0080', 'é', 'ß', 'Ω', '\u07FF', '\u0800', '中', '文', '日本語', '한', '\u2028', '\uD7FF', '\uE000',
  '\uFFFD', '\uFFFF', '\u{10000}', '😀', '𝄞', '🏳️‍🌈', 'e\u0301', '\u{10FFFF}'
]
const ASCII = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 _-./:'

const utf8Length = (s) => new TextEncoder().encode(s).length

/** Cut `s` to at most `max` UTF-8 bytes, at a code point boundary. */
const clampBytes = (s, max) => {
  if (s.length <= max / 3 || utf8Length(s) <= max) return s
  let n = 0; let out = ''
  for (const cp of s) {
    const len = utf8Length(cp)
    if (n + len > max) break
    n += len; out += cp
  }
  return out
}

/**
 * An endless source of random values.
 * @param {number} seed
 */
export class Random {
  constructor (seed) { this.next = prng(seed) }
  /** integer in [0, n), n <= 2^32 */
  int (n) { return Math.floor(this.next() * n) }
  /** integer in [lo, hi] */
  range (lo, hi) { return lo + this.int(hi - lo + 1) }
  chance (p) { return this.next() < p }
  pick (arr) { return arr[this.int(arr.length)] }
  /** integer in [0, max), max <= 2^53, exact */
  below (max) { return (this.int(2 ** 21) * 2 ** 32 + this.int(2 ** 32)) % max }

  /** integer in 0..2^53-1: edges, random bit lengths, or uniform */
  uint () {
    const r = this.next()
    if (r < 0.4) return this.pick(VARINT_EDGES)
    if (r < 0.7) {
      const bits = this.range(1, 53)
      return 2 ** (bits - 1) + this.below(2 ** (bits - 1))
    }
    return this.below(2 ** 53)
  }

  /** a string of at most maxBytes UTF-8 bytes, never with lone surrogates */
  string (maxBytes = 65536) {
    const r = this.next()
    let s
    if (r < 0.15) s = ''
    else if (r < 0.25) s = this.pick(ASCII)
    else if (r < 0.35) s = this.pick(PIECES)
    else if (r < 0.85) s = this.text(this.range(1, 40))
    else if (r < 0.96) s = this.text(this.range(200, 3000))
    else if (r < 0.98) s = 'x'.repeat(this.pick([9999, 10000, 10001])) // lib0 switches write path at 10000 UTF-16 units
    else s = this.text(this.range(3000, 6000)) // a few KB
    return clampBytes(s, maxBytes)
  }

  /** `n` pieces, mostly ASCII */
  text (n) {
    let s = ''
    for (let i = 0; i < n; i++) s += this.chance(0.6) ? this.pick(ASCII) : this.pick(PIECES)
    return s
  }

  /** a document name of at most 1024 bytes, sometimes exactly 1024 */
  documentName () {
    if (this.chance(0.03)) return '😀'.repeat(256) // 1024 bytes, 512 UTF-16 units
    if (this.chance(0.02)) return 'd'.repeat(1024)
    return this.string(1024)
  }

  /** random bytes as lowercase hex */
  hex () {
    const r = this.next()
    let n
    if (r < 0.2) n = 0
    else if (r < 0.6) n = this.range(1, 32)
    else if (r < 0.85) n = this.range(33, 300)
    else if (r < 0.95) n = this.range(301, 5000)
    else if (r < 0.98) n = this.pick([127, 128, 16383, 16384])
    else n = this.range(5001, 65536)
    let out = ''
    for (let i = 0; i < n; i++) out += (this.int(256) | 256).toString(16).slice(1)
    return out
  }

  meta () {
    return { id: this.uint(), name: this.string(), createdAt: this.uint(), userId: this.string() }
  }

  list () {
    const r = this.next()
    const n = r < 0.1 ? 0 : r < 0.2 ? 1 : r < 0.98 ? this.range(0, 50) : this.range(1000, 1200)
    const out = []
    for (let i = 0; i < n; i++) {
      // keep huge lists light: short strings only
      out.push(n > 100 ? { id: this.uint(), name: this.text(this.range(0, 6)), createdAt: this.uint(), userId: this.text(this.range(0, 6)) } : this.meta())
    }
    return out
  }

  /** a list of n values, n mostly small, sometimes 1000+ (then `small` makes the entries) */
  many (big, small = big) {
    const r = this.next()
    const n = r < 0.1 ? 0 : r < 0.2 ? 1 : r < 0.98 ? this.range(0, 50) : this.range(1000, 1200)
    const out = []
    for (let i = 0; i < n; i++) out.push(n > 100 ? small() : big())
    return out
  }

  /** an error-code word: mostly named, sometimes unknown-N (0, or any value above the named ones) */
  code () {
    if (this.chance(0.7)) return this.pick(ERROR_CODES)
    let n
    do n = this.uint(); while (n >= 1 && n <= ERROR_CODES.length)
    return `unknown-${n}`
  }

  /** a checksum: empty or 32 random bytes */
  checksum () {
    if (this.chance(0.3)) return ''
    let out = ''
    for (let i = 0; i < 32; i++) out += (this.int(256) | 256).toString(16).slice(1)
    return out
  }

  /** a random value for payload field `f`, by its wire type */
  field (f) {
    switch (fieldType(f)) {
      case 'uint': return this.uint()
      case 'string': return this.string()
      case 'bytes': return this.hex()
      case 'meta': return this.meta()
      case 'metaList': return this.list()
      case 'uintList': return this.many(() => this.uint())
      case 'stringList': return this.many(() => this.string(), () => this.text(this.range(0, 6)))
      case 'code': return this.code()
      case 'state': return this.pick(STATES)
      case 'checksum': return this.checksum()
      case 'details': {
        const d = {}
        for (const x of DETAILS_FIELDS) d[x] = this.field(x)
        return d
      }
    }
    throw new Error(`no generator for ${f}`)
  }

  /** one random frame, uniform over the SHAPES shapes */
  frame () {
    const shape = this.int(SHAPES)
    if (shape === 0) return { type: 'ping' }
    if (shape === 1) return { type: 'pong' }
    const document = this.documentName()
    if (shape === 2) return { document, type: 'doc', payload: { type: 'sync-step-1', sv: this.hex() } }
    if (shape === 3) return { document, type: 'doc', payload: { type: 'sync-step-2', update: this.hex() } }
    if (shape === 4) return { document, type: 'doc', payload: { type: 'update', update: this.hex() } }
    if (shape === 5) return { document, type: 'awareness', payload: { type: 'awareness-update', update: this.hex() } }
    const type = SNAPSHOT_KINDS[shape - 6]
    const payload = { type }
    for (const f of SNAPSHOT_FIELDS[type]) payload[f] = this.field(f)
    return { document, type: 'snapshot', payload }
  }
}

/**
 * `count` random frames for a seed string.
 * @param {number} count
 * @param {string} seed
 * @returns {Generator<object>}
 */
export function * randomFrames (count, seed) {
  const r = new Random(seedFrom(seed))
  for (let i = 0; i < count; i++) yield r.frame()
}
