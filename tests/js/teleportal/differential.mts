#!/usr/bin/env bun
/**
 * The differential driver: teleportal's own encoder and decoder on one side of a pipe.
 *
 *   TELEPORTAL_DIR=<copy> <bun> differential.mts encode --seed S --count N [--self-check]
 *       N lines {"hex", "json", "id"}: random frames written by teleportal's encodeMessage
 *       (every type and sub-type, encrypted 0/1, random lib0 `any` trees, length boundaries).
 *   ... differential.mts decode
 *       reads hex lines on stdin; for each prints {"json", "reencoded", "id"} (teleportal's
 *       decode in the JSON form, its re-encoding, its message id) or {"error": "<message>"}.
 *   ... differential.mts mutate --seed S --count N [--self-check]
 *       N lines {"hex", "teleportal"}: valid frames with a byte flipped, inserted or deleted,
 *       cut, or bytes appended; "teleportal" is what its decoder did (as in invalid.json).
 *
 * --self-check also runs the strict oracle (strict.mts) and the element annotator on every
 * frame and exits 1 on a disagreement (encode: the oracle must decode teleportal's frame to the
 * same JSON; mutate: whatever teleportal rejects the oracle must reject); a summary goes to stderr.
 */
import { isDeepStrictEqual } from 'node:util'
import { createInterface } from 'node:readline'
import { bytesToHex, hexToBytes, messageId, types, encodeMessage } from './peer.mts'
import { toJson, decodeBytes, reencode, verdict, encodeJson } from './json-form.mts'
import { strictDecode } from './strict.mts'
import { annotate } from './annotate.mts'

const args = process.argv.slice(2)
const mode = args[0]
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name)
  return i >= 0 ? Number(args[i + 1]) : dflt
}
const selfCheck = args.includes('--self-check')

// ---- seeded randomness (xorshift128+ on two 32-bit halves is enough here: mulberry32)
let state = 0
const seed = (s: number) => { state = (s >>> 0) ^ 0x9e3779b9 }
const rand = () => {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const int = (n: number) => Math.floor(rand() * n)
const pick = <T>(xs: T[]): T => xs[int(xs.length)]
const chance = (p: number) => rand() < p

const LEN_BOUNDS = [0, 1, 2, 127, 128, 255, 256, 16383, 16384]
const length = (max = 24, cap = Infinity) => chance(0.08) ? pick(LEN_BOUNDS.filter((n) => n <= cap)) : int(max)
const UNICODE = ['a', 'z', '0', ' ', '-', 'é', 'ß', '€', '文', '😀', '\u0000', '\ufeff', '\u{10ffff}', '\n', '"']
const str = (max = 16, cap = Infinity) => {
  const n = length(max, cap)
  if (n > 200) return 'x'.repeat(n) // long strings: ASCII, so the byte length is n
  let s = ''
  for (let i = 0; i < n; i++) s += chance(0.7) ? String.fromCharCode(97 + int(26)) : pick(UNICODE)
  return s
}
const bytes = (max = 32) => {
  const n = length(max)
  const b = new Uint8Array(n)
  for (let i = 0; i < n; i++) b[i] = int(256)
  return b
}
const UINT_BOUNDS = [0, 1, 127, 128, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28, 2 ** 31, 2 ** 32, 2 ** 35, 2 ** 42, 2 ** 49, 2 ** 53 - 1]
const uint = () => chance(0.3) ? pick(UINT_BOUNDS) : chance(0.5) ? int(300) : Math.floor(rand() * 2 ** (1 + int(53)))
const NUMBERS = [0, -0, 1, -1, 63, 64, -63, -64, 8191, 8192, 2 ** 31 - 1, -(2 ** 31 - 1), 2 ** 31, -(2 ** 31), 2 ** 31 + 1,
  2 ** 53, 2 ** 53 + 2, -(2 ** 53), 0.5, -1.5, 0.1, 1e-7, 3.4028234663852886e38, 1.401298464324817e-45, Number.MAX_VALUE,
  Number.MIN_VALUE, Number.EPSILON, NaN, Infinity, -Infinity]
const number = () => {
  switch (int(5)) {
    case 0: return pick(NUMBERS)
    case 1: return int(2 ** 31) * (chance(0.5) ? -1 : 1)
    case 2: return Math.fround((rand() - 0.5) * 2 ** int(60)) // float32-exact
    case 3: return (rand() - 0.5) * 2 ** (int(120) - 60) // float64 mostly
    default: return int(200) - 100
  }
}
const BIGINTS = [0n, 1n, -1n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 31n, -(2n ** 53n)]
const bigint = () => chance(0.4) ? pick(BIGINTS) : BigInt.asIntN(64, BigInt(int(2 ** 32)) * 4294967296n + BigInt(int(2 ** 32)))
const KEYS = ['a', 'b', 'name', 'id', 'x y', 'é', '', '0', '1', '2', '10', '42', '4294967294', '4294967295', '01', '-1', '$bytes', 'method', 'snapshot']

const anyValue = (depth: number): any => {
  const leaf = depth >= 4 || chance(0.45)
  if (leaf) {
    switch (int(9)) {
      case 0: return chance(0.5) ? undefined : null
      case 1: return chance(0.5)
      case 2: case 3: return number()
      case 4: return bigint()
      case 5: case 6: return str()
      case 7: return bytes()
      default: return chance(0.5) ? [] : {}
    }
  }
  if (chance(0.5)) return Array.from({ length: chance(0.05) ? pick([127, 128]) : int(5) }, () => anyValue(depth + 1))
  return object(depth)
}
const object = (depth: number): Record<string, any> => {
  const o: Record<string, any> = {}
  const n = int(5)
  for (let i = 0; i < n; i++) o[pick(KEYS)] = anyValue(depth + 1)
  const keys = Object.keys(o)
  if (keys.length === 1 && keys[0].startsWith('$')) o.z = null // never a JSON-marker look-alike
  return o
}
const peer = () => ({ awarenessId: uint(), clientId: str(), userId: str(), data: object(1) })

/** A random teleportal message instance (or 'ping'/'pong'). */
const message = (): any => {
  const document = chance(0.05) ? str(200, 1024) : pick(['doc-1', '', 'room:team/doc', str(16, 1024)])
  const encrypted = chance(0.5)
  switch (int(18)) {
    case 0: return new types.DocMessage(document, { type: 'sync-step-1', sv: bytes() }, undefined, encrypted)
    case 1: return new types.DocMessage(document, { type: 'sync-step-2', update: { version: pick([1, 2]), data: bytes(64) } }, undefined, encrypted)
    case 2: return new types.DocMessage(document, { type: 'update', update: { version: pick([1, 2]), data: bytes(64) } }, undefined, encrypted)
    case 3: return new types.DocMessage(document, { type: 'sync-done' }, undefined, encrypted)
    case 4: return new types.DocMessage(document, { type: 'auth-message', permission: pick(['denied', 'allowed']), reason: str() }, undefined, encrypted)
    case 5: return new types.AwarenessMessage(document, { type: 'awareness-update', update: bytes() }, undefined, encrypted)
    case 6: return new types.AwarenessMessage(document, { type: 'awareness-request' }, undefined, encrypted)
    case 7: {
      const p: any = { type: 'ack', messageId: chance(0.7) ? messageId(bytes()) : str() }
      if (chance(0.4)) p.retryAfter = uint()
      if (chance(0.4)) p.error = str()
      return new types.AckMessage(p)
    }
    case 8: return new types.PresenceMessage(document, { type: pick(['presence-announce', 'presence-unannounce']), awarenessId: uint() })
    case 9: return new types.PresenceMessage(document, { type: pick(['presence-join', 'presence-leave']), ...peer() })
    case 10: return new types.PresenceMessage(document, { type: 'presence-heartbeat', clients: Array.from({ length: int(4) }, peer) })
    case 11: case 12: case 13: {
      const requestType = pick(['request', 'stream', 'response'])
      const orig = requestType === 'request' ? undefined : chance(0.8) ? messageId(bytes()) : str() || 'r'
      const payload = chance(0.7)
        ? { type: 'success', payload: anyValue(0) }
        : { type: 'error', statusCode: chance(0.5) ? pick([400, 404, 500, 501]) : uint(), details: str(), payload: chance(0.5) ? anyValue(0) ?? undefined : undefined }
      return new types.RpcMessage(document, payload, chance(0.5) ? pick(['milestoneCreate', 'milestoneList', 'milestoneGet', 'milestoneUpdateName', 'milestoneDelete', 'milestoneRestore']) : str(), requestType, orig, undefined, encrypted)
    }
    case 14: return 'ping'
    case 15: return 'pong'
    default: {
      // a milestone request as teleportal's client shapes it
      const method = pick(['milestoneCreate', 'milestoneList', 'milestoneGet', 'milestoneUpdateName', 'milestoneDelete', 'milestoneRestore'])
      const fields: any = {
        milestoneCreate: { name: chance(0.5) ? str() : undefined, snapshot: bytes(64) },
        milestoneList: { snapshotIds: Array.from({ length: int(3) }, () => str()), includeDeleted: chance(0.5) },
        milestoneUpdateName: { milestoneId: str(), name: str() }
      }[method] ?? { milestoneId: str() }
      return new types.RpcMessage(document, { type: 'success', payload: { method, ...fields } }, method, 'request', undefined, undefined, encrypted)
    }
  }
}

const out = (x: unknown) => process.stdout.write(JSON.stringify(x) + '\n')
let problems = 0
const problem = (s: string) => { problems++; process.stderr.write(s.slice(0, 400) + '\n') }

/** A random valid frame: bytes written by teleportal and its JSON form. */
const validFrame = () => {
  const m = message()
  const b = reencode(m)
  return { bytes: b, json: toJson(m) }
}

const MUTATIONS = ['flip', 'set', 'insert', 'delete', 'truncate', 'append', 'append-frame'] as const
const mutate = (b: Uint8Array): [Uint8Array, string] => {
  const kind = pick([...MUTATIONS])
  const i = int(b.length)
  const x = [...b]
  switch (kind) {
    case 'flip': x[i] ^= 1 << int(8); break
    case 'set': x[i] = pick([0, 1, 2, 3, 4, 5, 0x7f, 0x80, 0xff, 116, 117, 118, 119, 122, 123, 124, 125, 126, int(256)]); break
    case 'insert': x.splice(i, 0, int(256)); break
    case 'delete': x.splice(i, 1); break
    case 'truncate': x.length = i; break
    case 'append': for (let k = 1 + int(3); k > 0; k--) x.push(int(256)); break
    case 'append-frame': for (const byte of validFrame().bytes) x.push(byte); break
  }
  return [new Uint8Array(x), kind]
}

if (mode === 'encode' || mode === 'mutate') {
  seed(opt('--seed', 1))
  const count = opt('--count', 1000)
  const stats: Record<string, number> = {}
  for (let n = 0; n < count; n++) {
    const { bytes: b, json } = validFrame()
    const hex = bytesToHex(b)
    if (mode === 'encode') {
      if (selfCheck) {
        const s = strictDecode(b)
        if (!isDeepStrictEqual(s.json, json)) problem(`strict oracle: ${hex} -> ${JSON.stringify(s).slice(0, 300)}, expected ${JSON.stringify(json).slice(0, 300)}`)
        const back = toJson(decodeBytes(b))
        if (!isDeepStrictEqual(back, json)) problem(`teleportal decode differs for ${hex}`)
        if (bytesToHex(encodeJson(json)) !== hex) problem(`JSON form does not re-encode: ${hex}`)
        if (annotate(json).map((r) => r.hex).join('') !== hex) problem(`annotator differs: ${hex}`)
      }
      out({ hex, json, id: messageId(b) })
    } else {
      const [m, kind] = mutate(b)
      const v = verdict(m)
      out({ hex: bytesToHex(m), teleportal: v })
      if (selfCheck) {
        const s = strictDecode(m)
        const key = `${kind} ${v.decodes ? 'teleportal-decodes' : 'teleportal-rejects'} ${s.error ? 'strict-rejects' : 'strict-accepts'}`
        stats[key] = (stats[key] ?? 0) + 1
        if (!s.error && !v.decodes) problem(`strict oracle accepts what teleportal rejects: ${bytesToHex(m)}`)
        if (!s.error && v.reencoded !== bytesToHex(m)) problem(`strict oracle accepts what teleportal re-encodes differently: ${bytesToHex(m)}`)
        if (!s.error && !isDeepStrictEqual(s.json, v.json)) problem(`strict oracle and teleportal decode differently: ${bytesToHex(m)}`)
      }
    }
  }
  if (selfCheck) {
    if (mode === 'mutate') process.stderr.write(Object.entries(stats).sort().map(([k, n]) => `${n}\t${k}`).join('\n') + '\n')
    process.stderr.write(`${mode}: ${count} frames, ${problems} problems\n`)
    if (problems) process.exit(1)
  }
} else if (mode === 'decode') {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of rl) {
    const h = line.trim()
    if (!h) continue
    let m: any
    try {
      m = decodeBytes(hexToBytes(h.toLowerCase()))
    } catch (e: any) {
      out({ error: String(e?.message ?? e) })
      continue
    }
    try {
      const re = reencode(m)
      out({ json: toJson(m), reencoded: bytesToHex(re), id: typeof m === 'string' ? messageId(re) : m.id })
    } catch (e: any) {
      out({ error: `decoded, but teleportal cannot re-encode it: ${String(e?.message ?? e)}` })
    }
  }
} else {
  process.stderr.write('usage: differential.mts encode|mutate --seed S --count N [--self-check] | decode < hex lines\n')
  process.exit(2)
}
