/**
 * teleportal's own protocol modules and lib0, loaded from the reference peer's copy.
 *
 * TELEPORTAL_DIR is the copy that `setup.sh` prints (default: <repo>/target/teleportal-peer).
 * Only teleportal's wire code is used here: encodeMessage, decodeMessage, the message classes,
 * MessageArray, the pub/sub envelope and ping/pong, plus lib0 0.2.117 from the copy.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const DEFAULT_DIR = fileURLToPath(new URL('../../../target/teleportal-peer', import.meta.url))
export const TELEPORTAL_DIR: string = process.env.TELEPORTAL_DIR || DEFAULT_DIR
if (!existsSync(`${TELEPORTAL_DIR}/src-802ec6e/src/lib/protocol/encode.ts`)) {
  process.stderr.write(`no teleportal copy at ${TELEPORTAL_DIR}: run tests/js/teleportal/setup.sh and set TELEPORTAL_DIR\n`)
  process.exit(3)
}
const P = `${TELEPORTAL_DIR}/src-802ec6e/src/lib/protocol`

export const { encodeMessage } = await import(`${P}/encode.ts`)
export const { decodeMessage } = await import(`${P}/decode.ts`)
export const types = await import(`${P}/message-types.ts`)
export const { encodeMessageArray, decodeMessageArray } = await import(`${P}/multi-message.ts`)
export const { encodePubSubMessage, decodePubSubMessage } = await import(`${P}/pubSub.ts`)
export const { encodePingMessage, encodePongMessage, isPingMessage, isPongMessage } = await import(`${P}/ping.ts`)
export const encoding = await import(`${TELEPORTAL_DIR}/node_modules/lib0/encoding.js`)
export const decoding = await import(`${TELEPORTAL_DIR}/node_modules/lib0/decoding.js`)

export const bytesToHex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export const hexToBytes = (h: string): Uint8Array => {
  if (h.length % 2 !== 0 || !/^[0-9a-f]*$/.test(h)) throw new Error(`not lowercase hex: ${h.slice(0, 40)}`)
  const out = new Uint8Array(h.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16)
  return out
}

/** teleportal's message id (message-types.ts): two 32-bit FNV-1a lanes over the bytes. */
export const messageId = (data: Uint8Array): string => {
  let h1 = 0x811c9dc5
  let h2 = 0x1000193
  for (let i = 0; i < data.length; i++) {
    h1 = Math.imul(h1 ^ data[i], 0x01000193)
    h2 = Math.imul(h2 ^ data[i], 0x100001b3)
  }
  return (h1 >>> 0).toString(16).padStart(8, '0') + (h2 >>> 0).toString(16).padStart(8, '0')
}

/** A fresh copy, so lib0 never reads past the end into a shared ArrayBuffer. */
export const fresh = (b: Uint8Array): Uint8Array => new Uint8Array(b)
