/**
 * A frame's JSON form -> its elements, in wire order, each written by its own lib0 writer:
 * [{ hex, label, start, kind, ... }]. Used for the annotated hex of spec/teleportal/ and to know,
 * for a crafted mutation, which element a byte belongs to (truncation and overlong varints).
 *
 * kind: 'magic' | 'u8' | 'tag' | 'varuint' | 'varint' | 'string' | 'bytes' | 'fixed' | 'control'
 *       | 'count' (a list count; `n` entries of at least `min` bytes follow)
 *       | 'payload' (the length prefix of an RPC success payload; `end` is where the array ends)
 */
import { bytesToHex, hexToBytes, encoding } from './peer.mts'
import { anyFromJson } from './json-form.mts'

export type Row = { hex: string, label: string, start: number, kind: string, n?: number, min?: number, end?: number, inPayload?: boolean }

const BITS31 = 2 ** 31 - 1
const isFloat32 = (n: number) => Math.fround(n) === n // NaN is never equal: float64

export const annotate = (json: any): Row[] => {
  const rows: Row[] = []
  let at = 0
  let inPayload = false
  const put = (kind: string, label: string, write: (e: any) => void, extra: Partial<Row> = {}) => {
    const e = encoding.createEncoder()
    write(e)
    const hex = bytesToHex(encoding.toUint8Array(e))
    rows.push({ hex, label, start: at, kind, inPayload, ...extra })
    at += hex.length / 2
  }
  const u8 = (label: string, n: number) => put('u8', label, (e) => encoding.writeUint8(e, n))
  const str = (label: string, s: string) => put('string', `${label}: varString ${JSON.stringify(s.length > 40 ? s.slice(0, 40) + '…' : s)}${s.length > 40 ? ` (${new TextEncoder().encode(s).length} bytes)` : ''}`, (e) => encoding.writeVarString(e, s))
  const uint = (label: string, n: number) => put('varuint', `${label}: varUint ${n}`, (e) => encoding.writeVarUint(e, n))
  const bytes = (label: string, hex: string) => put('bytes', `${label}: varUint8Array, ${hex.length / 2} bytes`, (e) => encoding.writeVarUint8Array(e, hexToBytes(hex)))

  const any = (label: string, j: any) => {
    const v = anyFromJson(j)
    const tag = (t: number, what: string) => put('tag', `${label}: tag ${t} (${what})`, (e) => encoding.writeUint8(e, t))
    if (v === undefined) return tag(127, 'undefined')
    if (v === null) return tag(126, 'null')
    if (v === true) return tag(120, 'true')
    if (v === false) return tag(121, 'false')
    if (typeof v === 'number') {
      if (Number.isInteger(v) && Math.abs(v) <= BITS31) {
        tag(125, 'varInt')
        return put('varint', `${label}: varInt ${Object.is(v, -0) ? '-0' : v}`, (e) => encoding.writeVarInt(e, v))
      }
      if (isFloat32(v)) {
        tag(124, 'float32')
        return put('fixed', `${label}: float32 big-endian ${v}`, (e) => encoding.writeFloat32(e, v))
      }
      tag(123, 'float64')
      return put('fixed', `${label}: float64 big-endian ${v}`, (e) => encoding.writeFloat64(e, v))
    }
    if (typeof v === 'bigint') {
      tag(122, 'bigint')
      return put('fixed', `${label}: bigint, i64 big-endian ${v}`, (e) => encoding.writeBigInt64(e, v))
    }
    if (typeof v === 'string') { tag(119, 'string'); return str(label, v) }
    if (v instanceof Uint8Array) { tag(116, 'Uint8Array'); return bytes(label, bytesToHex(v)) }
    if (Array.isArray(j)) {
      tag(117, 'array')
      put('count', `${label}: varUint ${j.length} items`, (e) => encoding.writeVarUint(e, j.length), { n: j.length, min: 1 })
      return j.forEach((x: any, i: number) => any(`${label}[${i}]`, x))
    }
    tag(118, 'object')
    const keys = Object.keys(j)
    put('count', `${label}: varUint ${keys.length} entries`, (e) => encoding.writeVarUint(e, keys.length), { n: keys.length, min: 2 })
    for (const k of keys) {
      put('string', `${label} key: varString ${JSON.stringify(k)}`, (e) => encoding.writeVarString(e, k))
      any(`${label}.${k}`, j[k])
    }
  }
  const peer = (label: string, c: any) => {
    uint(`${label}awarenessId`, c.awarenessId)
    str(`${label}clientId`, c.clientId)
    str(`${label}userId`, c.userId)
    any(`${label}data`, c.data)
  }

  if (json.type === 'ping' || json.type === 'pong') {
    put('magic', 'magic "YJS"', (e) => encoding.writeUint8Array(e, new Uint8Array([0x59, 0x4a, 0x53])))
    put('control', `"${json.type.slice(1)}"`.replace(/^"/, `"${json.type[0]}`), (e) => encoding.writeUint8Array(e, new TextEncoder().encode(json.type)))
    return rows
  }
  put('magic', 'magic "YJS"', (e) => encoding.writeUint8Array(e, new Uint8Array([0x59, 0x4a, 0x53])))
  u8('version 1', 1)
  str('document', json.document ?? '')
  u8(`encrypted ${json.encrypted ? 1 : 0}`, json.encrypted ? 1 : 0)
  const p = json.payload
  switch (json.type) {
    case 'doc': {
      u8('type 0: doc', 0)
      const st = ['sync-step-1', 'sync-step-2', 'update', 'sync-done', 'auth-message'].indexOf(p.type)
      u8(`sub-type ${st}: ${p.type}`, st)
      if (st === 0) bytes('state vector', p.sv)
      if (st === 1 || st === 2) { u8(`update version ${p.update.version}`, p.update.version); bytes('update data', p.update.data) }
      if (st === 4) { u8(`permission ${p.permission === 'denied' ? 0 : 1}: ${p.permission}`, p.permission === 'denied' ? 0 : 1); str('reason', p.reason) }
      break
    }
    case 'awareness': {
      u8('type 1: awareness', 1)
      const st = p.type === 'awareness-update' ? 0 : 1
      u8(`sub-type ${st}: ${p.type}`, st)
      if (st === 0) bytes('awareness update', p.update)
      break
    }
    case 'ack': {
      u8('type 2: ack', 2)
      str('messageId', p.messageId)
      const flags = (p.retryAfter !== undefined ? 1 : 0) | (p.error !== undefined ? 2 : 0)
      u8(`flags ${flags}${flags & 1 ? ' retryAfter' : ''}${flags & 2 ? ' error' : ''}`, flags)
      if (flags & 1) uint('retryAfter', p.retryAfter)
      if (flags & 2) str('error', p.error)
      break
    }
    case 'presence': {
      u8('type 3: presence', 3)
      const st = ['presence-announce', 'presence-join', 'presence-leave', 'presence-heartbeat', 'presence-unannounce'].indexOf(p.type)
      u8(`sub-type ${st}: ${p.type}`, st)
      if (st === 0 || st === 4) uint('awarenessId', p.awarenessId)
      if (st === 1 || st === 2) peer('', p)
      if (st === 3) {
        put('count', `varUint ${p.clients.length} clients`, (e) => encoding.writeVarUint(e, p.clients.length), { n: p.clients.length, min: 4 })
        p.clients.forEach((c: any, i: number) => peer(`clients[${i}].`, c))
      }
      break
    }
    case 'rpc': {
      u8('type 4: rpc', 4)
      str('method', json.rpcMethod)
      const rt = ['request', 'stream', 'response'].indexOf(json.requestType)
      u8(`requestType ${rt}: ${json.requestType}`, rt)
      if (rt > 0) str('originalRequestId', json.originalRequestId)
      if (p.type === 'success') {
        u8('isError 0: success', 0)
        const e = encoding.createEncoder()
        encoding.writeAny(e, anyFromJson(p.payload))
        const n = encoding.length(e)
        put('payload', `payload: varUint ${n} (bytes of the any value)`, (x) => encoding.writeVarUint(x, n), { end: at + encoding.length((() => { const y = encoding.createEncoder(); encoding.writeVarUint(y, n); return y })()) + n })
        inPayload = true
        any('payload', p.payload)
        inPayload = false
      } else {
        u8('isError 1: error', 1)
        uint('statusCode', p.statusCode)
        str('details', p.details)
        const has = 'payload' in p
        u8(`hasPayload ${has ? 1 : 0}`, has ? 1 : 0)
        if (has) any('payload', p.payload)
      }
      break
    }
    default: throw new Error(`cannot annotate ${json.type}`)
  }
  return rows
}

/** The offset a strict decoder reports for the first `cut` bytes of the frame (truncated). */
export const truncationOffset = (rows: Row[], cut: number): number => {
  if (cut < 3) return 0
  for (const r of rows) {
    const end = r.start + r.hex.length / 2
    if (end > cut) return r.start
    if (r.kind === 'count' && r.n! * r.min! > cut - end) return r.start
    if (r.kind === 'payload' && r.end! > cut) return r.start
  }
  throw new Error('not a strict prefix')
}
