/**
 * node --test test.mjs  (or: npm test)
 * Checks the vector files and lib0 round trips of random frames.
 */
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { encodeFrame, decodeFrame, bytesToHex, hexToBytes } from './codec.mjs'
import { strictDecode } from './strict.mjs'
import { randomFrames, SHAPES } from './random.mjs'
import { selfCheck } from './write-vectors.mjs'

const here = (f) => fileURLToPath(new URL(f, import.meta.url))

test('vectors pass the self-check (lib0 round trip, strict oracle)', () => {
  assert.deepEqual(selfCheck(), [])
})

test('spec/vectors files are up to date', () => {
  execFileSync(process.execPath, [here('write-vectors.mjs'), '--check'], { stdio: 'pipe' })
})

test('spec/snapshot-extensions.md examples are generated from the vectors and up to date', () => {
  execFileSync(process.execPath, [here('spec-examples.mjs'), '--check'], { stdio: 'pipe' })
})

test('2000 random frames: decodeFrame(encodeFrame(json)) equals json and strict decode agrees', () => {
  const shapes = new Set()
  for (const json of randomFrames(2000, '1')) {
    const bytes = encodeFrame(json)
    assert.deepEqual(decodeFrame(bytes), json)
    assert.deepEqual(strictDecode(bytes), json)
    assert.equal(bytesToHex(hexToBytes(bytesToHex(bytes))), bytesToHex(bytes))
    shapes.add(json.type === 'doc' || json.type === 'snapshot' ? json.payload.type : json.type)
  }
  assert.equal(shapes.size, SHAPES)
})

test('cli generate | cli encode and cli decode reproduce each line', () => {
  const cli = here('cli.mjs')
  const generated = execFileSync(process.execPath, [cli, 'generate', '--count', '300', '--seed', '7'], { encoding: 'utf8', maxBuffer: 1 << 30 })
    .trimEnd().split('\n').map((l) => JSON.parse(l))
  const jsonLines = generated.map((g) => JSON.stringify(g.json)).join('\n') + '\n'
  const hexLines = generated.map((g) => g.hex).join('\n') + '\n'
  const encoded = execFileSync(process.execPath, [cli, 'encode'], { input: jsonLines, encoding: 'utf8', maxBuffer: 1 << 30 })
  assert.deepEqual(encoded.trimEnd().split('\n'), generated.map((g) => g.hex))
  const decoded = execFileSync(process.execPath, [cli, 'decode'], { input: hexLines, encoding: 'utf8', maxBuffer: 1 << 30 })
  assert.deepEqual(decoded.trimEnd().split('\n').map((l) => JSON.parse(l)), generated.map((g) => g.json))
})

test('cli reports a bad line and goes on', () => {
  const cli = here('cli.mjs')
  const out = execFileSync(process.execPath, [cli, 'decode'], { input: 'zz\n594a5370696e67\n\n', encoding: 'utf8' })
  const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l))
  assert.equal(lines.length, 3)
  assert.ok(lines[0].error)
  assert.deepEqual(lines[1], { type: 'ping' })
  assert.ok(lines[2].error)
})
