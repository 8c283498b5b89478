/**
 * A small strict decoder that follows the error and offset rules of
 * notes/design-v1.md. It is an independent oracle used only to self-check the
 * vector files (write-vectors.mjs): every valid vector must decode to its JSON
 * form, every invalid vector must fail with its error kind at its offset.
 * It deliberately shares no reading code with lib0 or codec.mjs.
 * @module strict
 */
import {
  SNAPSHOT_KINDS, SNAPSHOT_FIELDS, DETAILS_FIELDS, STATES, CHECKSUM_LEN, fieldType, errorCodeWord, bytesToHex
} from './codec.mjs'

/** The fewest bytes one list entry takes: META 4, an id or a tag 1. */
const MIN_ENTRY = { metaList: 4, uintList: 1, stringList: 1 }

/** Default limits of the design note. */
export const LIMITS = {
  maxFrameBytes: 16777216,
  maxNameBytes: 1024,
  maxStringBytes: 65536,
  maxPayloadBytes: 16777216,
  maxListEntries: 100000
}

class WireError extends Error {
  constructor (kind, offset, message) {
    super(message)
    this.kind = kind
    this.offset = offset
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decode strictly; returns the JSON form or {error, offset, message}.
 * @param {Uint8Array} b
 * @param {typeof LIMITS} [limits]
 */
export const strictDecode = (b, limits = LIMITS) => {
  let pos = 0
  const fail = (kind, offset, message) => { throw new WireError(kind, offset, message) }

  const u8 = (what) => {
    if (pos >= b.length) fail('truncated', pos, `missing ${what}`)
    return b[pos++]
  }
  const varUint = (what) => {
    const start = pos
    let value = 0
    for (let i = 0; ; i++) {
      if (pos >= b.length) fail('truncated', start, `${what}: varint ends early`)
      const byte = b[pos++]
      if (i === 7 && (byte & 0x80 || byte > 0x0f)) fail('integer-out-of-range', start, `${what}: above 2^53-1`)
      value += (byte & 0x7f) * 2 ** (7 * i)
      if (!(byte & 0x80)) {
        if (byte === 0 && i > 0) fail('non-canonical-varint', start, `${what}: overlong varint`)
        return value
      }
    }
  }
  const rawBytes = (what, limit) => {
    const start = pos
    const n = varUint(`${what} length`)
    if (n > limit) fail('limit-exceeded', start, `${what}: ${n} bytes > ${limit}`)
    if (n > b.length - pos) fail('truncated', start, `${what}: ${n} bytes, ${b.length - pos} left`)
    pos += n
    return [start, b.subarray(pos - n, pos)]
  }
  const string = (what, limit = limits.maxStringBytes) => {
    const [start, raw] = rawBytes(what, limit)
    try { return utf8.decode(raw) } catch { fail('invalid-utf8', start, `${what}: invalid UTF-8`) }
  }
  const meta = () => ({
    id: varUint('id'), name: string('name'), createdAt: varUint('createdAt'), userId: string('userId')
  })
  const list = (what, minEntry, entry) => {
    const countPos = pos
    const n = varUint(`${what} count`)
    if (n > limits.maxListEntries) fail('limit-exceeded', countPos, `${what}: ${n} entries`)
    if (n * minEntry > b.length - pos) fail('truncated', countPos, `${what}: ${n} entries cannot fit in ${b.length - pos} bytes`)
    const out = []
    for (let i = 0; i < n; i++) out.push(entry())
    return out
  }
  /** One payload field by its wire type (the field table is shared with codec.mjs; the reading is not). */
  const field = (f) => {
    const t = fieldType(f)
    switch (t) {
      case 'uint': return varUint(f)
      case 'string': return string(f)
      case 'bytes': return bytesToHex(rawBytes(f, limits.maxPayloadBytes)[1])
      case 'meta': return meta()
      case 'metaList': return list(f, MIN_ENTRY[t], meta)
      case 'uintList': return list(f, MIN_ENTRY[t], () => varUint(`${f} entry`))
      case 'stringList': return list(f, MIN_ENTRY[t], () => string(`${f} entry`))
      case 'code': return errorCodeWord(varUint(f))
      case 'state': {
        const start = pos
        const n = varUint(f)
        if (!(n in STATES)) fail('invalid-value', start, `state ${n} is not one of ${STATES.join(', ')}`)
        return STATES[n]
      }
      case 'checksum': {
        // varUint errors, then the length must be 0 or 32 (invalid-value), then truncation.
        const start = pos
        const n = varUint('checksum length')
        if (n !== 0 && n !== CHECKSUM_LEN) fail('invalid-value', start, `checksum of ${n} bytes (0 or ${CHECKSUM_LEN} allowed)`)
        if (n > b.length - pos) fail('truncated', start, `checksum: ${n} bytes, ${b.length - pos} left`)
        pos += n
        return bytesToHex(b.subarray(pos - n, pos))
      }
      case 'details': {
        const d = {}
        for (const x of DETAILS_FIELDS) d[x] = field(x)
        return d
      }
    }
    throw new Error(`no wire type for ${f}`)
  }

  const run = () => {
    if (b.length > limits.maxFrameBytes) fail('limit-exceeded', 0, 'frame too large')
    const magic = [0x59, 0x4a, 0x53]
    for (let i = 0; i < 3; i++) {
      if (i >= b.length) fail('truncated', 0, 'magic cut short')
      if (b[i] !== magic[i]) fail('bad-magic', 0, 'not "YJS"')
    }
    if (b.length === 3) fail('truncated', 3, 'missing version')
    if (b[3] === 0x70) {
      const rest = b.subarray(3)
      for (const word of ['ping', 'pong']) {
        const w = new TextEncoder().encode(word)
        const n = Math.min(rest.length, 4)
        if (w.subarray(0, n).every((x, i) => x === rest[i])) {
          if (rest.length < 4) fail('truncated', 3, `${word} cut short`)
          if (rest.length > 4) fail('trailing-bytes', 7, `bytes after ${word}`)
          return { type: word }
        }
      }
      fail('unsupported-version', 3, 'byte 3 is 0x70 but not ping/pong')
    }
    if (b[3] !== 0x01) fail('unsupported-version', 3, `version ${b[3]}`)
    pos = 4
    const document = string('document', limits.maxNameBytes)
    const mtPos = pos
    const mt = u8('message type')
    let out
    if (mt === 0) {
      const dtPos = pos
      const dt = u8('doc type')
      if (dt > 2) fail('unknown-message-type', dtPos, `doc type ${dt}`)
      const hex = bytesToHex(rawBytes('doc payload', limits.maxPayloadBytes)[1])
      out = { document, type: 'doc', payload: dt === 0 ? { type: 'sync-step-1', sv: hex } : { type: ['', 'sync-step-2', 'update'][dt], update: hex } }
    } else if (mt === 1) {
      const update = bytesToHex(rawBytes('awareness update', limits.maxPayloadBytes)[1])
      out = { document, type: 'awareness', payload: { type: 'awareness-update', update } }
    } else if (mt === 2) {
      const kindPos = pos
      const type = string('kind')
      if (!SNAPSHOT_KINDS.includes(type)) fail('unknown-snapshot-kind', kindPos, `kind ${JSON.stringify(type)}`)
      const p = { type }
      for (const f of SNAPSHOT_FIELDS[type]) p[f] = field(f)
      out = { document, type: 'snapshot', payload: p }
    } else {
      fail('unknown-message-type', mtPos, `message type ${mt}`)
    }
    if (pos < b.length) fail('trailing-bytes', pos, `${b.length - pos} bytes after the frame`)
    return out
  }

  try {
    return run()
  } catch (e) {
    if (!(e instanceof WireError)) throw e
    return { error: e.kind, offset: e.offset, message: e.message }
  }
}
