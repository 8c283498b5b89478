/**
 * The strict oracle: the decoder of /work/prompts/teleportal-rules.md (spec/teleportal/), in
 * JavaScript. It accepts exactly what teleportal's encodeMessage (lib0 writeAny for `any`)
 * writes and fails everything else with an error kind and an offset. write-vectors.mts checks
 * every vector against it; it never decides what teleportal does (peer.mts does that).
 *
 *   strictDecode(bytes, limits?) -> { json } | { error, offset, message }
 */
import { bytesToHex } from './peer.mts'

export const DEFAULT_LIMITS = {
  maxFrameBytes: 16 * 1024 * 1024,
  maxNameBytes: 1024,
  maxStringBytes: 64 * 1024,
  maxPayloadBytes: 16 * 1024 * 1024,
  maxListEntries: 100_000,
  maxAnyDepth: 64
}
export const MARKERS = ['$bytes', '$undefined', '$bigint', '$number']
const BITS31 = 2 ** 31 - 1

class Fail extends Error {
  constructor (public kind: string, public offset: number, message: string) { super(message) }
}
const fail = (kind: string, offset: number, message: string): never => { throw new Fail(kind, offset, message) }

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const isIntegerKey = (k: string) => /^(0|[1-9][0-9]*)$/.test(k) && Number(k) <= 4294967294

class Reader {
  pos: number
  constructor (public b: Uint8Array, public limits: any, public end: number, pos = 0) { this.pos = pos }
  byte (what: string): number {
    if (this.pos >= this.end) fail('truncated', this.pos, `${what} missing`)
    return this.b[this.pos++]
  }
  varUint (what: string): number {
    const start = this.pos
    let value = 0
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) fail('truncated', start, `${what}: varUint runs past the end`)
      const b = this.b[this.pos++]
      if (i === 7 && (b & 0x80 || b > 0x0f)) fail('integer-out-of-range', start, `${what}: varUint above 2^53 - 1`)
      value += (b & 0x7f) * 2 ** (7 * i)
      if (!(b & 0x80)) {
        if (b === 0 && i > 0) fail('non-canonical-varint', start, `${what}: varUint not in shortest form`)
        return value
      }
    }
  }
  /** lib0 varInt: first byte 0x80 continue, 0x40 sign, 6 bits; then 7 bits a byte. */
  varInt (what: string): number {
    const start = this.pos
    let value = 0
    let sign = 1
    for (let i = 0; ; i++) {
      if (this.pos >= this.end) fail('truncated', start, `${what}: varInt runs past the end`)
      const b = this.b[this.pos++]
      if (i === 0) {
        sign = b & 0x40 ? -1 : 1
        value = b & 0x3f
      } else {
        if (i === 7 && (b & 0x80 || b > 0x1f)) fail('integer-out-of-range', start, `${what}: varInt magnitude above 2^53 - 1`)
        value += (b & 0x7f) * 2 ** (6 + 7 * (i - 1))
      }
      if (!(b & 0x80)) {
        if (b === 0 && i > 0) fail('non-canonical-varint', start, `${what}: varInt not in shortest form`)
        return sign * value
      }
    }
  }
  bytes (what: string, limit: number): Uint8Array {
    const start = this.pos
    const n = this.varUint(`${what} length`)
    if (n > limit) fail('limit-exceeded', start, `${what}: ${n} bytes, limit ${limit}`)
    if (n > this.end - this.pos) fail('truncated', start, `${what}: ${n} bytes, ${this.end - this.pos} left`)
    this.pos += n
    return this.b.subarray(this.pos - n, this.pos)
  }
  string (what: string, limit: number): string {
    const start = this.pos
    const b = this.bytes(what, limit)
    try {
      return utf8.decode(b)
    } catch {
      return fail('invalid-utf8', start, `${what}: not UTF-8`)
    }
  }
  fixed (n: number, what: string): DataView {
    if (n > this.end - this.pos) fail('truncated', this.pos, `${what}: ${n} bytes, ${this.end - this.pos} left`)
    this.pos += n
    return new DataView(this.b.buffer, this.b.byteOffset + this.pos - n, n)
  }

  /** One lib0 `any` value, as JSON. `depth`: containers around it. */
  any (depth: number): any {
    const tagAt = this.pos
    const tag = this.byte('any tag')
    switch (tag) {
      case 127: return { $undefined: true }
      case 126: return null
      case 125: {
        const n = this.varInt('varInt')
        if (Math.abs(n) > BITS31) fail('non-canonical', tagAt, `varInt ${n} beyond 2^31 - 1: lib0 writes a float`)
        return Object.is(n, -0) ? { $number: '-0' } : n
      }
      case 124: {
        const v = this.fixed(4, 'float32').getFloat32(0, false)
        if (Number.isNaN(v)) fail('non-canonical', tagAt, 'float32 NaN: lib0 writes NaN as float64')
        if (Number.isInteger(v) && Math.abs(v) <= BITS31) fail('non-canonical', tagAt, `float32 ${v}: lib0 writes a varInt`)
        return numberJson(v)
      }
      case 123: {
        const dv = this.fixed(8, 'float64')
        const v = dv.getFloat64(0, false)
        if (Number.isNaN(v)) {
          if (dv.getUint32(0, false) !== 0x7ff80000 || dv.getUint32(4, false) !== 0) fail('non-canonical', tagAt, 'NaN bits other than 7ff8000000000000')
          return { $number: 'NaN' }
        }
        if (Number.isInteger(v) && Math.abs(v) <= BITS31) fail('non-canonical', tagAt, `float64 ${v}: lib0 writes a varInt`)
        if (Math.fround(v) === v) fail('non-canonical', tagAt, `float64 ${v}: lib0 writes a float32`)
        return numberJson(v)
      }
      case 122: return { $bigint: this.fixed(8, 'bigint').getBigInt64(0, false).toString() }
      case 121: return false
      case 120: return true
      case 119: return this.string('string', this.limits.maxStringBytes)
      case 116: return { $bytes: bytesToHex(this.bytes('byte array', this.limits.maxPayloadBytes)) }
      case 118: {
        if (depth + 1 > this.limits.maxAnyDepth) fail('limit-exceeded', tagAt, `object at depth ${depth + 1}`)
        const n = this.count('object entries', 2)
        const out: Record<string, any> = {}
        const seen = new Set<string>()
        let lastInt = -1
        let seenOther = false
        for (let i = 0; i < n; i++) {
          const keyAt = this.pos
          const key = this.string('object key', this.limits.maxStringBytes)
          if (key === '__proto__') fail('non-canonical', keyAt, '__proto__ key')
          if (seen.has(key)) fail('non-canonical', keyAt, `repeated key ${JSON.stringify(key)}`)
          if (isIntegerKey(key)) {
            if (seenOther || Number(key) < lastInt) fail('non-canonical', keyAt, `integer-like key ${key} out of order`)
            lastInt = Number(key)
          } else seenOther = true
          seen.add(key)
          if (n === 1 && MARKERS.includes(key)) fail('invalid-value', tagAt, `object with the one key ${key} reads as a JSON marker`)
          out[key] = this.any(depth + 1)
        }
        return out
      }
      case 117: {
        if (depth + 1 > this.limits.maxAnyDepth) fail('limit-exceeded', tagAt, `array at depth ${depth + 1}`)
        const n = this.count('array items', 1)
        const out = []
        for (let i = 0; i < n; i++) out.push(this.any(depth + 1))
        return out
      }
    }
    return fail('invalid-value', tagAt, `unknown any tag ${tag}`)
  }
  count (what: string, minEach: number): number {
    const start = this.pos
    const n = this.varUint(`${what} count`)
    if (n > this.limits.maxListEntries) fail('limit-exceeded', start, `${what}: ${n}, limit ${this.limits.maxListEntries}`)
    if (n * minEach > this.end - this.pos) fail('truncated', start, `${what}: ${n} need at least ${n * minEach} bytes, ${this.end - this.pos} left`)
    return n
  }
  u8 (what: string, max: number): number {
    const at = this.pos
    const v = this.byte(what)
    if (v > max) fail('invalid-value', at, `${what} ${v}`)
    return v
  }
  peer (): any {
    const awarenessId = this.varUint('awarenessId')
    const clientId = this.string('clientId', this.limits.maxStringBytes)
    const userId = this.string('userId', this.limits.maxStringBytes)
    if (this.pos < this.end && this.b[this.pos] !== 118) fail('invalid-value', this.pos, 'presence data is not an object')
    return { awarenessId, clientId, userId, data: this.any(0) }
  }
}

const numberJson = (v: number) =>
  Number.isNaN(v) ? { $number: 'NaN' } : v === Infinity ? { $number: 'Infinity' } : v === -Infinity ? { $number: '-Infinity' } : Object.is(v, -0) ? { $number: '-0' } : v

const PING = [0x70, 0x69, 0x6e, 0x67]
const PONG = [0x70, 0x6f, 0x6e, 0x67]
const startsWith = (b: Uint8Array, at: number, p: number[]) => p.every((x, i) => b[at + i] === x)

const decodeFrame = (b: Uint8Array, limits: any): any => {
  const L = b.length
  if (L > limits.maxFrameBytes) fail('limit-exceeded', 0, `frame of ${L} bytes`)
  const magic = [0x59, 0x4a, 0x53]
  if (L < 3) {
    if (startsWith(b, 0, magic.slice(0, L))) fail('truncated', 0, 'magic cut short')
    fail('bad-magic', 0, 'not YJS')
  }
  if (!startsWith(b, 0, magic)) fail('bad-magic', 0, 'not YJS')
  if (L === 3) fail('truncated', 3, 'version missing')
  if (b[3] === 0x70) {
    const rest = Array.from(b.subarray(3, 7))
    for (const [p, type] of [[PING, 'ping'], [PONG, 'pong']] as const) {
      if (L === 7 && startsWith(b, 3, p)) return { type }
      if (L < 7 && startsWith(b, 3, p.slice(0, rest.length))) fail('truncated', 3, `${type} cut short`)
      if (L > 7 && startsWith(b, 3, p)) fail('trailing-bytes', 7, `bytes after YJS${type}`)
    }
    fail('unsupported-version', 3, 'version 0x70 without ping/pong')
  }
  if (b[3] !== 1) fail('unsupported-version', 3, `version ${b[3]}`)
  const r = new Reader(b, limits, L, 4)
  const document = r.string('document', limits.maxNameBytes)
  const encAt = r.pos
  const encrypted = r.u8('encrypted', 1) === 1
  const typeAt = r.pos
  const type = r.byte('message type')
  let json: any
  switch (type) {
    case 0: {
      const at = r.pos
      const st = r.byte('doc sub-type')
      let payload: any
      switch (st) {
        case 0: payload = { type: 'sync-step-1', sv: bytesToHex(r.bytes('state vector', limits.maxPayloadBytes)) }; break
        case 1:
        case 2: {
          const vAt = r.pos
          const version = r.byte('update version')
          if (version !== 1 && version !== 2) fail('invalid-value', vAt, `update version ${version}`)
          payload = { type: st === 1 ? 'sync-step-2' : 'update', update: { version, data: bytesToHex(r.bytes('update', limits.maxPayloadBytes)) } }
          break
        }
        case 3: payload = { type: 'sync-done' }; break
        case 4: {
          const permission = r.u8('permission', 1) === 0 ? 'denied' : 'allowed'
          payload = { type: 'auth-message', permission, reason: r.string('reason', limits.maxStringBytes) }
          break
        }
        default: fail('unknown-message-type', at, `doc sub-type ${st}`)
      }
      json = { type: 'doc', document, encrypted, payload }
      break
    }
    case 1: {
      const at = r.pos
      const st = r.byte('awareness sub-type')
      let payload: any
      if (st === 0) payload = { type: 'awareness-update', update: bytesToHex(r.bytes('awareness update', limits.maxPayloadBytes)) }
      else if (st === 1) payload = { type: 'awareness-request' }
      else fail('unknown-message-type', at, `awareness sub-type ${st}`)
      json = { type: 'awareness', document, encrypted, payload }
      break
    }
    case 2: {
      if (document !== '') fail('invalid-value', 4, 'an ack carries an empty document')
      if (encrypted) fail('invalid-value', encAt, 'an ack is not encrypted')
      const messageId = r.string('messageId', limits.maxStringBytes)
      const fAt = r.pos
      const flags = r.byte('ack flags')
      if (flags & ~3) fail('invalid-value', fAt, `ack flags ${flags}`)
      const payload: any = { type: 'ack', messageId }
      if (flags & 1) payload.retryAfter = r.varUint('retryAfter')
      if (flags & 2) payload.error = r.string('error', limits.maxStringBytes)
      json = { type: 'ack', encrypted: false, payload }
      break
    }
    case 3: {
      if (encrypted) fail('invalid-value', encAt, 'presence is never encrypted')
      const at = r.pos
      const st = r.byte('presence sub-type')
      let payload: any
      switch (st) {
        case 0:
        case 4: payload = { type: st === 0 ? 'presence-announce' : 'presence-unannounce', awarenessId: r.varUint('awarenessId') }; break
        case 1:
        case 2: payload = { type: st === 1 ? 'presence-join' : 'presence-leave', ...r.peer() }; break
        case 3: {
          const n = r.count('heartbeat clients', 4)
          const clients = []
          for (let i = 0; i < n; i++) clients.push(r.peer())
          payload = { type: 'presence-heartbeat', clients }
          break
        }
        default: fail('unknown-message-type', at, `presence sub-type ${st}`)
      }
      json = { type: 'presence', document, encrypted: false, payload }
      break
    }
    case 4: {
      const rpcMethod = r.string('rpc method', limits.maxStringBytes)
      const requestType = ['request', 'stream', 'response'][r.u8('requestType', 2)]
      let originalRequestId: string | undefined
      if (requestType !== 'request') {
        const at = r.pos
        originalRequestId = r.string('originalRequestId', limits.maxStringBytes)
        if (originalRequestId === '') fail('invalid-value', at, 'empty originalRequestId')
      }
      const isError = r.u8('isError', 1) === 1
      let payload: any
      if (!isError) {
        const lenAt = r.pos
        const n = r.varUint('payload length')
        if (n > limits.maxPayloadBytes) fail('limit-exceeded', lenAt, `payload: ${n} bytes, limit ${limits.maxPayloadBytes}`)
        if (n > r.end - r.pos) fail('truncated', lenAt, `payload: ${n} bytes, ${r.end - r.pos} left`)
        const sub = new Reader(b, limits, r.pos + n, r.pos)
        const value = sub.any(0)
        if (sub.pos < sub.end) fail('trailing-bytes', sub.pos, 'bytes after the payload value')
        r.pos = sub.end
        payload = { type: 'success', payload: value }
      } else {
        const statusCode = r.varUint('statusCode')
        const details = r.string('details', limits.maxStringBytes)
        const hasPayload = r.u8('hasPayload', 1) === 1
        payload = { type: 'error', statusCode, details }
        if (hasPayload) {
          const at = r.pos
          if (at < r.end && (b[at] === 126 || b[at] === 127)) fail('non-canonical', at, 'error payload null/undefined: teleportal writes no payload then')
          payload.payload = r.any(0)
        }
      }
      json = { type: 'rpc', document, encrypted, payload, rpcMethod, requestType }
      if (originalRequestId !== undefined) json.originalRequestId = originalRequestId
      break
    }
    default: fail('unknown-message-type', typeAt, `message type ${type}`)
  }
  if (r.pos < L) fail('trailing-bytes', r.pos, `${L - r.pos} bytes after the frame`)
  return json
}

export const strictDecode = (bytes: Uint8Array, limits: any = DEFAULT_LIMITS): any => {
  try {
    return { json: decodeFrame(bytes, limits) }
  } catch (e) {
    if (e instanceof Fail) return { error: e.kind, offset: e.offset, message: e.message }
    throw e
  }
}
