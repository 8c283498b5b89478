#!/usr/bin/env bun
/**
 * teleportal's own client against a server: its `Provider` (plaintext, `encryptionKey: false`)
 * with the milestone RPC extension runs the milestone guide's snippet end to end (seeds
 * 000_8ddf290b289b5e86): create with and without a name, list, list with known ids (only the
 * new ones come back), get a snapshot and restore a document from it, rename, delete (hidden
 * from list, shown with includeDeleted), restore, and a second provider that sees the first
 * one's edits (at sync, then live). Used by tests/teleportal_live.rs against
 * examples/teleportal_server.rs.
 *
 *   TELEPORTAL_DIR=<copy> <bun> tests/js/teleportal/live-provider.mts ws://127.0.0.1:PORT [DOCUMENT]
 *
 * Prints one line per step and "PASSED" last; exit 1 on the first failure; every wait is bounded
 * (10 s per step, 60 s in all).
 */
import { TELEPORTAL_DIR } from './peer.mts'

const [url, document = 'provider-doc'] = process.argv.slice(2)
if (!url?.startsWith('ws://127.0.0.1:')) {
  process.stderr.write('usage: live-provider.mts ws://127.0.0.1:PORT [DOCUMENT]\n')
  process.exit(2)
}
const S = `${TELEPORTAL_DIR}/src-802ec6e/src`
const { Provider, websocketTransport } = await import(`${S}/providers/index.ts`)
const { createMilestoneRpc } = await import(`${S}/protocols/milestone/index.ts`)
const Y = await import(`${TELEPORTAL_DIR}/node_modules/yjs/dist/yjs.mjs`)

const watchdog = setTimeout(() => { console.log('FAILED: not done after 60 s'); process.exit(1) }, 60_000)
const within = <T>(what: string, p: Promise<T>, ms = 10_000): Promise<T> =>
  Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms))])
let n = 0
const step = (text: string) => console.log(`step ${String(++n).padStart(2)}: ${text}`)
const check = (ok: unknown, what: string) => { if (!ok) throw new Error(what) }
const open = async (user: string) => {
  const provider = await within(`Provider.create (${user})`, Provider.create({
    url: `${url}/?user=${user}`, document, encryptionKey: false,
    // WebSocket only: teleportal's HTTP fallback needs EventSource, which Bun lacks.
    transports: [websocketTransport({ timeout: 5000 })], rpc: { milestones: createMilestoneRpc },
  }))
  await within(`synced (${user})`, provider.synced)
  return provider
}

const providers: any[] = []
try {
  const p1 = await open('alice')
  providers.push(p1)
  step(`provider 1 synced on ${document}`)
  const text = p1.doc.getText('text')
  text.insert(0, 'hello from teleportal')
  const ms = p1.rpc.milestones

  const m1 = await within('create', ms.create('Checkpoint 1'))
  check(m1.name === 'Checkpoint 1' && m1.id, `create gave ${JSON.stringify(m1)}`)
  check(m1.createdBy?.type === 'user' && m1.createdBy?.id === 'alice', `createdBy ${JSON.stringify(m1.createdBy)}`)
  step(`created ${m1.id} "${m1.name}" by ${m1.createdBy.type}:${m1.createdBy.id}`)
  const m2 = await within('create (no name)', ms.create())
  check(m2.name && m2.id && m2.id !== m1.id, `create without a name gave ${JSON.stringify(m2)}`)
  step(`created ${m2.id} without a name: "${m2.name}"`)

  const all = await within('list', ms.list())
  check(all.some((m: any) => m.id === m1.id) && all.some((m: any) => m.id === m2.id), `list: ${all.map((m: any) => m.id)}`)
  step(`listed ${all.length}`)
  const fresh = await within('list (known ids)', ms.list({ snapshotIds: [m1.id] }))
  check(fresh.length === 1 && fresh[0].id === m2.id, `list with known ids: ${fresh.map((m: any) => m.id)}`)
  step(`listed with known id ${m1.id}: only ${fresh[0].id} came back`)

  const snapshot = await within('getSnapshot', ms.getSnapshot(m1.id))
  const restored = new Y.Doc()
  Y.applyUpdateV2(restored, snapshot)
  check(restored.getText('text').toString() === 'hello from teleportal', `snapshot restores "${restored.getText('text')}"`)
  step(`got the snapshot (${snapshot.length} bytes); restored document reads "${restored.getText('text')}"`)

  const renamed = await within('updateName', ms.updateName(m1.id, 'Updated Checkpoint 1'))
  check(renamed.name === 'Updated Checkpoint 1' && renamed.id === m1.id, `updateName gave ${JSON.stringify(renamed)}`)
  step(`renamed "${renamed.name}"`)

  await within('delete', ms.delete(m1.id))
  const afterDelete = await within('list', ms.list())
  check(!afterDelete.some((m: any) => m.id === m1.id), 'deleted milestone still listed')
  const withDeleted = await within('list (includeDeleted)', ms.list({ includeDeleted: true }))
  const gone = withDeleted.find((m: any) => m.id === m1.id)
  check(gone?.lifecycleState === 'deleted' && typeof gone?.deletedAt === 'number', `includeDeleted shows ${JSON.stringify(gone)}`)
  step(`deleted: hidden from list (${afterDelete.length} left), shown with includeDeleted as "deleted"`)

  const back = await within('restore', ms.restore(m1.id))
  check(back.id === m1.id && back.lifecycleState === 'active', `restore gave ${JSON.stringify(back)}`)
  const afterRestore = await within('list', ms.list())
  check(afterRestore.some((m: any) => m.id === m1.id && m.name === 'Updated Checkpoint 1'), 'restored milestone not listed')
  step(`restored: listed again (${afterRestore.length})`)

  const p2 = await open('bob')
  providers.push(p2)
  const seen = () => p2.doc.getText('text').toString()
  const until = (want: string) => within(`provider 2 sees "${want}"`, new Promise<void>((resolve) => {
    const poll = () => (seen() === want ? resolve() : setTimeout(poll, 20))
    poll()
  }))
  await until('hello from teleportal')
  step(`provider 2 synced and reads "${seen()}"`)
  text.insert(text.length, ', edited live')
  await until('hello from teleportal, edited live')
  step(`provider 2 received provider 1's live edit: "${seen()}"`)
  console.log('PASSED')
} catch (error) {
  console.log(`FAILED: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  for (const p of providers) { try { p.destroy() } catch {} }
  clearTimeout(watchdog)
  setTimeout(() => process.exit(process.exitCode ?? 0), 50)
}
