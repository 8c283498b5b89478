/**
 * A teleportal message <-> its JSON form (../shared/design/teleportal-json-form.md).
 *
 *   toJson(message)        teleportal message instance (or "ping"/"pong") -> JSON form
 *   fromJson(json)         JSON form -> teleportal message instance ({ping}/{pong} stay as they are)
 *   encodeJson(json)       JSON form -> bytes, written by teleportal's encodeMessage / encodePingMessage
 *   decodeBytes(bytes)     bytes -> teleportal's decode (ping/pong as its server detects them)
 *   verdict(bytes)         what teleportal does with the bytes, in the shape of invalid.json
 */
import {
  types, encodeMessage, decodeMessage, encodePingMessage, encodePongMessage, isPingMessage,
  isPongMessage, bytesToHex, hexToBytes, fresh
} from './peer.mts'

const MARKERS = ['$bytes', '$undefined', '$bigint', '$number']

/** A lib0 `any` value (as readAny returns it) -> JSON. */
export const anyToJson = (v: any): any => {
  if (v === undefined) return { $undefined: true }
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return { $number: 'NaN' }
    if (v === Infinity) return { $number: 'Infinity' }
    if (v === -Infinity) return { $number: '-Infinity' }
    if (Object.is(v, -0)) return { $number: '-0' }
    return v
  }
  if (typeof v === 'bigint') return { $bigint: v.toString() }
  if (v instanceof Uint8Array) return { $bytes: bytesToHex(v) }
  if (Array.isArray(v)) return v.map(anyToJson)
  if (typeof v === 'object') {
    const out: Record<string, any> = {}
    for (const k of Object.keys(v)) {
      if (k === '__proto__') Object.defineProperty(out, k, { value: anyToJson(v[k]), enumerable: true, writable: true, configurable: true })
      else out[k] = anyToJson(v[k])
    }
    return out
  }
  throw new Error(`not a lib0 any value: ${typeof v}`)
}

/** JSON -> the JS value lib0's writeAny takes. */
export const anyFromJson = (j: any): any => {
  if (j === null || typeof j === 'boolean' || typeof j === 'string' || typeof j === 'number') return j
  if (Array.isArray(j)) return j.map(anyFromJson)
  if (typeof j === 'object') {
    const keys = Object.keys(j)
    if (keys.length === 1 && MARKERS.includes(keys[0])) {
      const [k] = keys
      const x = j[k]
      if (k === '$bytes' && typeof x === 'string') return hexToBytes(x)
      if (k === '$undefined' && x === true) return undefined
      if (k === '$bigint' && typeof x === 'string' && /^-?(0|[1-9][0-9]*)$/.test(x)) {
        const b = BigInt(x)
        if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new Error(`bigint out of i64 range: ${x}`)
        return b
      }
      if (k === '$number') {
        const n = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 }[x as string]
        if (n !== undefined) return n
      }
      throw new Error(`bad marker ${JSON.stringify(j)}`)
    }
    const out: Record<string, any> = {}
    for (const k of keys) {
      if (k === '__proto__') throw new Error('__proto__ key')
      out[k] = anyFromJson(j[k])
    }
    return out
  }
  throw new Error(`not JSON: ${typeof j}`)
}

const docPayloadToJson = (p: any): any => {
  switch (p.type) {
    case 'sync-step-1': return { type: p.type, sv: bytesToHex(p.sv) }
    case 'sync-step-2':
    case 'update': return { type: p.type, update: { version: p.update.version, data: bytesToHex(p.update.data) } }
    case 'sync-done': return { type: p.type }
    case 'auth-message': return { type: p.type, permission: p.permission, reason: p.reason }
  }
  throw new Error(`doc payload ${p.type}`)
}

const peerToJson = (c: any) => ({ awarenessId: c.awarenessId, clientId: c.clientId, userId: c.userId, data: anyToJson(c.data) })

const presenceToJson = (p: any): any => {
  switch (p.type) {
    case 'presence-announce':
    case 'presence-unannounce': return { type: p.type, awarenessId: p.awarenessId }
    case 'presence-join':
    case 'presence-leave': return { type: p.type, ...peerToJson(p) }
    case 'presence-heartbeat': return { type: p.type, clients: p.clients.map(peerToJson) }
  }
  throw new Error(`presence payload ${p.type}`)
}

const rpcPayloadToJson = (p: any): any => {
  if (p.type === 'success') return { type: 'success', payload: anyToJson(p.payload) }
  const out: any = { type: 'error', statusCode: p.statusCode, details: p.details }
  if (p.payload !== undefined) out.payload = anyToJson(p.payload)
  return out
}

/** A teleportal message (or the strings "ping" / "pong") -> its JSON form. */
export const toJson = (m: any): any => {
  if (m === 'ping' || m === 'pong') return { type: m }
  switch (m.type) {
    case 'doc': return { type: 'doc', document: m.document, encrypted: m.encrypted, payload: docPayloadToJson(m.payload) }
    case 'awareness':
      return {
        type: 'awareness', document: m.document, encrypted: m.encrypted,
        payload: m.payload.type === 'awareness-update' ? { type: m.payload.type, update: bytesToHex(m.payload.update) } : { type: m.payload.type }
      }
    case 'ack': {
      const p: any = { type: 'ack', messageId: m.payload.messageId }
      if (m.payload.retryAfter !== undefined) p.retryAfter = m.payload.retryAfter
      if (m.payload.error !== undefined) p.error = m.payload.error
      return { type: 'ack', encrypted: m.encrypted, payload: p }
    }
    case 'presence': return { type: 'presence', document: m.document, encrypted: m.encrypted, payload: presenceToJson(m.payload) }
    case 'rpc': {
      const out: any = {
        type: 'rpc', document: m.document, encrypted: m.encrypted, payload: rpcPayloadToJson(m.payload),
        rpcMethod: m.rpcMethod, requestType: m.requestType
      }
      if (m.originalRequestId !== undefined) out.originalRequestId = m.originalRequestId
      return out
    }
  }
  throw new Error(`message type ${m.type}`)
}

const peerFromJson = (c: any) => ({ awarenessId: c.awarenessId, clientId: c.clientId, userId: c.userId, data: anyFromJson(c.data) })

/** The JSON form -> a teleportal message instance (ping/pong: the string "ping"/"pong"). */
export const fromJson = (j: any): any => {
  const p = j.payload
  switch (j.type) {
    case 'ping':
    case 'pong': return j.type
    case 'doc': {
      let payload: any
      switch (p.type) {
        case 'sync-step-1': payload = { type: p.type, sv: hexToBytes(p.sv) }; break
        case 'sync-step-2':
        case 'update': payload = { type: p.type, update: { version: p.update.version, data: hexToBytes(p.update.data) } }; break
        case 'sync-done': payload = { type: p.type }; break
        case 'auth-message': payload = { type: p.type, permission: p.permission, reason: p.reason }; break
        default: throw new Error(`doc payload ${p.type}`)
      }
      return new types.DocMessage(j.document, payload, undefined, j.encrypted)
    }
    case 'awareness': {
      const payload = p.type === 'awareness-update' ? { type: p.type, update: hexToBytes(p.update) } : { type: p.type }
      return new types.AwarenessMessage(j.document, payload, undefined, j.encrypted)
    }
    case 'ack': {
      const payload: any = { type: 'ack', messageId: p.messageId }
      if (p.retryAfter !== undefined) payload.retryAfter = p.retryAfter
      if (p.error !== undefined) payload.error = p.error
      return new types.AckMessage(payload)
    }
    case 'presence': {
      let payload: any
      switch (p.type) {
        case 'presence-announce':
        case 'presence-unannounce': payload = { type: p.type, awarenessId: p.awarenessId }; break
        case 'presence-join':
        case 'presence-leave': payload = { type: p.type, ...peerFromJson(p) }; break
        case 'presence-heartbeat': payload = { type: p.type, clients: p.clients.map(peerFromJson) }; break
        default: throw new Error(`presence payload ${p.type}`)
      }
      return new types.PresenceMessage(j.document, payload)
    }
    case 'rpc': {
      const payload = p.type === 'success'
        ? { type: 'success', payload: anyFromJson(p.payload) }
        : { type: 'error', statusCode: p.statusCode, details: p.details, payload: 'payload' in p ? anyFromJson(p.payload) : undefined }
      return new types.RpcMessage(j.document, payload, j.rpcMethod, j.requestType, j.originalRequestId, undefined, j.encrypted)
    }
  }
  throw new Error(`message type ${j.type}`)
}

/** The JSON form -> bytes, written by teleportal. */
export const encodeJson = (j: any): Uint8Array => {
  const m = fromJson(j)
  if (m === 'ping') return encodePingMessage()
  if (m === 'pong') return encodePongMessage()
  return encodeMessage(m)
}

/** Bytes -> teleportal's decoded message ("ping"/"pong" as its server detects them). */
export const decodeBytes = (bytes: Uint8Array): any => {
  const b = fresh(bytes)
  if (isPingMessage(b)) return 'ping'
  if (isPongMessage(b)) return 'pong'
  return decodeMessage(b)
}

/** Bytes -> teleportal's re-encoding of its decoded message. */
export const reencode = (m: any): Uint8Array =>
  m === 'ping' ? encodePingMessage() : m === 'pong' ? encodePongMessage() : encodeMessage(m)

/** What teleportal does with the bytes (the `teleportal` member of invalid.json). */
export const verdict = (bytes: Uint8Array): any => {
  let m: any
  try {
    m = decodeBytes(bytes)
  } catch (e: any) {
    return { decodes: false, message: String(e?.message ?? e) }
  }
  const out: any = { decodes: true, json: toJson(m) }
  try {
    out.reencoded = bytesToHex(reencode(m))
  } catch (e: any) {
    out.reencoded = null
    out.reencodeError = String(e?.message ?? e)
  }
  return out
}
