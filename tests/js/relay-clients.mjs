/**
 * Clients for the relay example (examples/relay.rs), driven by tests/relay.rs.
 *
 *   node relay-clients.mjs ws://127.0.0.1:PORT
 *
 * Four clients, one WebSocket each, every frame written with lib0's writers (codec.mjs):
 * - alice and bob (read-write) both work on two documents over their one socket;
 * - reader (`?readonly=1`) follows doc A; its writes must be refused;
 * - mallory sends garbage, which must not disturb the others;
 * - eve sends a message over the relay's frame limit and is disconnected, alone.
 * Every wait has a time-out and the whole run a watchdog; only loopback URLs are accepted.
 * On success prints one JSON line of figures and exits 0; on failure prints the reason, exits 1.
 */
import WebSocket from 'ws'
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { encodeFrame, bytesToHex } from './codec.mjs'

const WAIT_MS = 5000
const WATCHDOG_MS = 30000
const MAX_FRAME = 1 << 20 // the relay's --max-frame-bytes in tests/relay.rs
const PING = Uint8Array.from(Buffer.from('YJSping'))
const PONG = Uint8Array.from(Buffer.from('YJSpong'))

const url = process.argv[2]
if (!url || !/^ws:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]):\d+\/?$/.test(url)) {
  console.error(`usage: node relay-clients.mjs ws://127.0.0.1:PORT (loopback only), got ${url}`)
  process.exit(2)
}
const watchdog = setTimeout(() => {
  console.error(`relay-clients: watchdog: not done after ${WATCHDOG_MS} ms`)
  process.exit(1)
}, WATCHDOG_MS)

const figures = { sent: 0, received: 0, refused: 0, dropped: 0, oversized: 0, pongs: 0, checks: 0 }

const fail = (message) => {
  throw new Error(message)
}
const check = (condition, message) => {
  if (!condition) fail(message)
  figures.checks++
}
const short = (bytes) => {
  const hex = bytesToHex(bytes)
  return hex.length > 64 ? `${hex.slice(0, 64)}… (${bytes.length} bytes)` : hex
}
const same = (a, b) => a.length === b.length && a.every((byte, i) => byte === b[i])

class Client {
  constructor (name, query = '') {
    this.name = name
    this.inbox = [] // every binary message received, in order
    this.cursor = 0 // how far `expect` has read
    this.waiter = null
    this.closed = false
    this.ws = new WebSocket(url.replace(/\/?$/, '/') + query)
    this.ws.binaryType = 'nodebuffer'
    this.ws.on('message', (data, isBinary) => {
      if (!isBinary) fail(`${this.name}: got a text message`)
      this.inbox.push(new Uint8Array(data))
      if (this.waiter) this.waiter()
    })
    this.ws.on('error', (err) => { this.error = err }) // a reset shows up as 'close' next
    this.ws.on('close', () => {
      this.closed = true
      if (this.waiter) this.waiter()
    })
  }

  open () {
    return within(`${this.name} connects`, new Promise((resolve, reject) => {
      this.ws.once('open', resolve)
      this.ws.once('error', reject)
    }))
  }

  /** Send a frame (Uint8Array, binary) or a string (a text message). */
  send (data) {
    this.ws.send(data, { binary: typeof data !== 'string' })
    figures.sent++
  }

  /** Wait for the next message after the cursor; it must equal `bytes`. */
  async expect (bytes, what) {
    const deadline = Date.now() + WAIT_MS
    while (this.cursor >= this.inbox.length) { // bounded by the deadline
      if (this.closed) fail(`${this.name}: closed while waiting for ${what}`)
      const left = deadline - Date.now()
      if (left <= 0) fail(`${this.name}: no ${what} within ${WAIT_MS} ms`)
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiter = () => { clearTimeout(timer); resolve() }
      })
      this.waiter = null
    }
    const got = this.inbox[this.cursor++]
    check(same(got, bytes), `${this.name}: expected ${what} ${short(bytes)}, got ${short(got)}`)
    if (same(got, PONG)) figures.pongs++
    else figures.received++
  }

  /** Ping, and wait for the pong: everything the relay queued for us before is now here. */
  async barrier () {
    this.send(PING)
    await this.expect(PONG, 'pong')
  }

  /** Nothing unread is waiting. */
  nothingElse () {
    check(this.cursor === this.inbox.length,
      `${this.name}: unexpected frames ${this.inbox.slice(this.cursor).map(short).join(' ')}`)
  }

  close () {
    this.ws.close()
  }
}

const within = (what, promise) => Promise.race([
  promise,
  new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`${what}: time-out`)), WAIT_MS))
])

const gen = prng.create(20240501)
const randomBytes = (n) => prng.uint8Array(gen, n)

const DOC_A = 'team/doc-a'
const DOC_B = 'team/dôc-b\u0000' // any UTF-8 name, NUL included, is one routing key
const frame = (json) => encodeFrame(json)
const step1 = (document) => frame({ document, type: 'doc', payload: { type: 'sync-step-1', sv: bytesToHex(randomBytes(3)) } })
const update = (document, n = 40) => frame({ document, type: 'doc', payload: { type: 'update', update: bytesToHex(randomBytes(n)) } })
const step2 = (document) => frame({ document, type: 'doc', payload: { type: 'sync-step-2', update: bytesToHex(randomBytes(12)) } })
const awareness = (document) => frame({ document, type: 'awareness', payload: { type: 'awareness-update', update: bytesToHex(randomBytes(8)) } })

/** Raw lib0 writes for frames a well-behaved encoder would never produce. */
const raw = (write) => {
  const enc = encoding.createEncoder()
  write(enc)
  return encoding.toUint8Array(enc)
}
const header = (enc, nameBytes) => {
  encoding.writeUint8Array(enc, Uint8Array.of(0x59, 0x4a, 0x53, 0x01))
  encoding.writeVarUint8Array(enc, nameBytes)
}

async function main () {
  const alice = new Client('alice')
  const bob = new Client('bob')
  const reader = new Client('reader', '?readonly=1')
  const mallory = new Client('mallory')
  const eve = new Client('eve')
  await Promise.all([alice, bob, reader, mallory, eve].map((c) => c.open()))

  // 1. Subscriptions: each client's first frame for a document subscribes it.
  const aliceHello = [step1(DOC_A), step1(DOC_B)]
  aliceHello.forEach((f) => alice.send(f))
  await alice.barrier()
  const bobHello = [step1(DOC_A), step1(DOC_B)]
  bobHello.forEach((f) => bob.send(f))
  await bob.barrier()
  await alice.expect(bobHello[0], "bob's sync-step-1 on doc A")
  await alice.expect(bobHello[1], "bob's sync-step-1 on doc B")
  const readerHello = step1(DOC_A) // a read: allowed for the read-only client
  reader.send(readerHello)
  await reader.barrier()
  await alice.expect(readerHello, "reader's sync-step-1")
  await bob.expect(readerHello, "reader's sync-step-1")

  // 2. Updates reach the other subscribers of their document, byte for byte, and only them.
  const u1 = update(DOC_A, 2000)
  alice.send(u1)
  await bob.expect(u1, 'update 1 (doc A)')
  await reader.expect(u1, 'update 1 (doc A)')
  const u2 = update(DOC_B)
  bob.send(u2)
  await alice.expect(u2, 'update 2 (doc B)')
  const aw = awareness(DOC_B)
  alice.send(aw)
  await bob.expect(aw, 'awareness (doc B)')
  await reader.barrier()
  reader.nothingElse() // not subscribed to doc B

  // 3. The read-only client's writes are refused: update, sync-step-2, awareness, and a
  //    snapshot request (which creates a snapshot).
  const refused = [
    update(DOC_A),
    step2(DOC_A),
    awareness(DOC_A),
    frame({ document: DOC_A, type: 'snapshot', payload: { type: 'snapshot-request', name: 'v2', currentSnapshotName: 'v1' } })
  ]
  refused.forEach((f) => reader.send(f))
  figures.refused += refused.length
  await reader.barrier()
  await alice.barrier()
  await bob.barrier()
  alice.nothingElse()
  bob.nothingElse()

  // 4. Garbage from a third client: dropped (or refused), nobody disturbed.
  const longName = new Uint8Array(1025).fill(0x61)
  const dropped = [
    'ping', // text, not a frame
    'YJS\u0001\u0003doc\u0000\u0002\u0001\u0000', // a valid frame, but as text
    randomBytes(64),
    new Uint8Array(0),
    Uint8Array.from(Buffer.from('YJSping!')),
    Uint8Array.from(Buffer.from('YJSPING')),
    u1.subarray(0, u1.length - 1), // truncated
    Uint8Array.of(...u1, 0x00), // trailing byte
    raw((enc) => { header(enc, Uint8Array.of(0xc0, 0x80)); encoding.writeUint8(enc, 0x01); encoding.writeVarUint(enc, 0) }), // bad UTF-8 name
    raw((enc) => { header(enc, longName); encoding.writeUint8(enc, 0x01); encoding.writeVarUint(enc, 0) }), // name over 1024 bytes
    raw((enc) => { header(enc, Buffer.from(DOC_A)); encoding.writeUint8(enc, 0x07) }), // unknown message type
    raw((enc) => { header(enc, Buffer.from(DOC_A)); encoding.writeUint8(enc, 0x00); encoding.writeUint8(enc, 0x03) }), // unknown doc sub-type
    raw((enc) => { header(enc, Buffer.from(DOC_A)); encoding.writeUint8(enc, 0x02); encoding.writeVarString(enc, 'no-such-kind') }), // unknown kind
    // Header fine, body claims 2^40 bytes: the relay must not forward it nor allocate for it.
    raw((enc) => { header(enc, Buffer.from(DOC_A)); encoding.writeUint8(enc, 0x00); encoding.writeUint8(enc, 0x02); encoding.writeVarUint(enc, 2 ** 40) }),
    // Overlong varint for the update length: lib0 reads it, the strict decoder does not.
    raw((enc) => { header(enc, Buffer.from(DOC_A)); encoding.writeUint8Array(enc, Uint8Array.of(0x00, 0x02, 0x81, 0x00, 0x2a)) })
  ]
  dropped.forEach((f) => mallory.send(f))
  figures.dropped += dropped.length
  // A client sending a server-to-client event is refused (it would impersonate the server).
  mallory.send(frame({
    document: DOC_A,
    type: 'snapshot',
    payload: { type: 'snapshot-created-event', snapshot: { id: 1, name: 'x', createdAt: 0, userId: 'mallory' } }
  }))
  figures.refused += 1
  await mallory.barrier() // mallory's connection is still served
  await alice.barrier()
  await bob.barrier()
  await reader.barrier()
  alice.nothingElse()
  bob.nothingElse()
  reader.nothingElse()

  // 5. A message over the relay's frame limit (the test starts it with --max-frame-bytes
  //    MAX_FRAME) closes that one connection before it is buffered; nobody else notices.
  eve.send(update(DOC_A, MAX_FRAME + 1))
  figures.oversized += 1
  await within('eve is disconnected', new Promise((resolve) => {
    if (eve.closed) resolve()
    else eve.ws.once('close', resolve)
  }))
  check(eve.inbox.length === 0, 'eve got nothing')

  // 6. The others are undisturbed: updates still flow both ways.
  const u4 = update(DOC_A, 100)
  alice.send(u4)
  await bob.expect(u4, 'update 4 (doc A)')
  await reader.expect(u4, 'update 4 (doc A)')
  const u5 = update(DOC_B)
  bob.send(u5)
  await alice.expect(u5, 'update 5 (doc B)')
  for (const c of [alice, bob, reader, mallory]) {
    check(c.ws.readyState === WebSocket.OPEN, `${c.name}: connection still open`)
  }
  for (const c of [alice, bob, reader, mallory]) c.close()
  console.log(JSON.stringify(figures))
}

main().then(
  () => { clearTimeout(watchdog); process.exit(0) },
  (err) => { console.error(`relay-clients: FAILED: ${err.message}`); process.exit(1) }
)
