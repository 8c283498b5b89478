#!/usr/bin/env bun
/**
 * Checks the milestone vectors against a live teleportal server: starts the reference peer's
 * server.mts (teleportal's Server, in-memory storage, milestone handlers) on 127.0.0.1, sends the
 * six milestone requests as the vectors shape them, and checks that every answer has the shape of
 * the matching vector: the same members in the same order with the same `any` tags (values such
 * as ids and timestamps differ). It stops the server it started, by its process id.
 *
 *   TELEPORTAL_DIR=<copy> <bun> tests/js/teleportal/live-milestones.mts [--port 18731] [--print]
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { TELEPORTAL_DIR, bytesToHex } from './peer.mts'
import { encodeJson, decodeBytes, toJson } from './json-form.mts'

const args = process.argv.slice(2)
const port = Number(args[args.indexOf('--port') + 1] || 18731) || 18731
const print = args.includes('--print')
const VEC = fileURLToPath(new URL('../../../spec/vectors/teleportal/valid.json', import.meta.url))
const valid = new Map(JSON.parse(readFileSync(VEC, 'utf8')).map((v: any) => [v.name, v.json]))

/** The shape of an `any` JSON value: kind per leaf, members in order. */
const shape = (j: any): any => {
  if (j === null || typeof j !== 'object') return j === null ? 'null' : typeof j === 'number' ? (Number.isInteger(j) && Math.abs(j) < 2 ** 31 ? 'int' : 'float') : typeof j
  if (Array.isArray(j)) return j.length ? ['array', shape(j[0])] : ['array']
  const keys = Object.keys(j)
  if (keys.length === 1 && keys[0].startsWith('$')) return keys[0]
  return Object.fromEntries(keys.map((k) => [k, shape(j[k])]))
}
const frameShape = (j: any) => ({ type: j.type, rpcMethod: j.rpcMethod, requestType: j.requestType, payloadType: j.payload?.type, statusCode: j.payload?.statusCode, payload: shape(j.payload?.payload) })

const server = spawn(`${TELEPORTAL_DIR}/node_modules/@oven/bun-linux-x64/bin/bun`, ['server.mts'], {
  cwd: TELEPORTAL_DIR, env: { ...process.env, PORT: String(port), TP_LOG: 'error' }, stdio: ['ignore', 'pipe', 'pipe']
})
const stop = () => { try { process.kill(server.pid!) } catch {} }
const timer = setTimeout(() => { process.stderr.write('live check timed out\n'); stop(); process.exit(1) }, 60_000)
await new Promise<void>((resolve, reject) => {
  let out = ''
  server.stdout!.on('data', (d) => { out += d; if (out.includes('LISTENING')) resolve() })
  server.stderr!.on('data', (d) => { out += d })
  server.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)))
})

const ws = new WebSocket(`ws://127.0.0.1:${port}/?user=alice`)
ws.binaryType = 'arraybuffer'
const got: any[] = []
ws.onmessage = (e) => { got.push(toJson(decodeBytes(new Uint8Array(e.data as ArrayBuffer)))) }
await new Promise((r) => { ws.onopen = r })
/** Send a request vector (with its fields replaced) and wait for the response to it. */
const call = async (vector: string, fields: any = {}) => {
  const j = structuredClone(valid.get(vector))
  Object.assign(j.payload.payload, fields)
  const bytes = encodeJson(j)
  const id = (await import('./peer.mts')).messageId(bytes)
  ws.send(bytes)
  for (let i = 0; i < 100; i++) {
    const r = got.find((g) => g.type === 'rpc' && g.originalRequestId === id)
    if (r) return r
    await new Promise((res) => setTimeout(res, 50))
  }
  throw new Error(`no response to ${vector}`)
}

let problems = 0
const expect = (answer: any, vector: string) => {
  const a = frameShape(answer)
  const b = frameShape(valid.get(vector))
  const ok = JSON.stringify(a) === JSON.stringify(b)
  if (!ok) { problems++; process.stderr.write(`${vector}: live answer ${JSON.stringify(a)}\n  vector      ${JSON.stringify(b)}\n`) }
  if (print || !ok) console.log(JSON.stringify(answer))
}
try {
  const created = await call('milestone-create-request-no-name')
  expect(created, 'milestone-create-response')
  expect(await call('milestone-create-request'), 'milestone-create-response')
  const id = created.payload.payload.milestone.id
  expect(await call('milestone-list-request'), 'milestone-list-response')
  expect(await call('milestone-get-request', { milestoneId: id }), 'milestone-get-response')
  expect(await call('milestone-get-request', { milestoneId: 'does-not-exist' }), 'milestone-get-error-404')
  expect(await call('milestone-update-name-request', { milestoneId: id }), 'milestone-update-name-response')
  expect(await call('milestone-delete-request', { milestoneId: id }), 'milestone-delete-response')
  expect(await call('milestone-list-request-ids'), 'milestone-list-response-deleted')
  expect(await call('milestone-restore-request', { milestoneId: id }), 'milestone-restore-response')
  const unknown = structuredClone(valid.get('milestone-get-request'))
  unknown.rpcMethod = 'milestoneFrobnicate'
  unknown.payload.payload = { method: 'milestoneFrobnicate' }
  ws.send(encodeJson(unknown))
  await new Promise((r) => setTimeout(r, 300))
  expect(got.find((g) => g.rpcMethod === 'milestoneFrobnicate'), 'rpc-unknown-method-501')
} finally {
  ws.close()
  clearTimeout(timer)
  stop()
}
console.log(`live milestone check: ${problems ? problems + ' shape differences' : 'every answer has its vector\'s shape'}`)
process.exit(problems ? 1 : 0)
