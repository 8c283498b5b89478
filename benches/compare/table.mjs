/**
 * Prints the lib0 vs yjs-wire table (markdown) from one run of benches/compare/run.sh.
 *
 *   node benches/compare/table.mjs CRITERION_DIR LIB0.json [LIB0.json ...]
 *
 * CRITERION_DIR is target/criterion, whose <group>/<name>/new/estimates.json hold
 * criterion's medians (ns); each LIB0.json is one pass of lib0.mjs. With several
 * passes, each lib0 time is the fastest of them (the conservative choice for the ratios).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const [criterionDir, ...lib0Paths] = process.argv.slice(2)
if (!lib0Paths.length) throw new Error('usage: node table.mjs CRITERION_DIR LIB0.json [LIB0.json ...]')
const passes = lib0Paths.map((path) => JSON.parse(readFileSync(path, 'utf8')))
const lib0 = {}
for (const [name, first] of Object.entries(passes[0])) {
  lib0[name] = {
    bytes: first.bytes,
    decode: Math.min(...passes.map((pass) => pass[name].decode)),
    encode: Math.min(...passes.map((pass) => pass[name].encode))
  }
}

/** Criterion's median for an id such as decode/list-request, in ns. */
const median = (id) => {
  const [group, name] = id.split('/')
  const file = join(criterionDir, group, name, 'new', 'estimates.json')
  return JSON.parse(readFileSync(file, 'utf8')).median.point_estimate
}

const ns = (x) => x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)
const ratio = (a, b) => `${(a / b).toFixed(1)}×`
const mark = (ok) => ok ? 'yes' : '**no**'

const rows = []
const targets = []
rows.push('| corpus item | bytes | decode lib0 ns | decode yjs-wire ns | decode ratio | encode lib0 ns | encode yjs-wire ns | encode ratio |')
rows.push('|---|---:|---:|---:|---:|---:|---:|---:|')
for (const [name, js] of Object.entries(lib0)) {
  const dec = median(`decode/${name}`)
  const enc = median(`encode/${name}`)
  rows.push(`| ${name} | ${js.bytes.toLocaleString('en-US')} | ${ns(js.decode)} | ${ns(dec)} | ${ratio(js.decode, dec)} | ${ns(js.encode)} | ${ns(enc)} | ${ratio(js.encode, enc)} |`)
  targets.push([`decode/${name} ≥ 30× lib0`, js.decode / dec >= 30, ratio(js.decode, dec)])
  if (name !== 'fetch-response-1m') targets.push([`encode/${name} ≥ 20× lib0`, js.encode / enc >= 20, ratio(js.encode, enc)])
}

const memcpy = median('memcpy/fetch-response-1m')
const enc1m = median('encode/fetch-response-1m')
targets.push(['encode/fetch-response-1m ≤ 1.25× memcpy/fetch-response-1m', enc1m / memcpy <= 1.25,
  `${ns(enc1m)} / ${ns(memcpy)} ns = ${(enc1m / memcpy).toFixed(2)}×`])
const vec = ['16', '1k', '64k', '1m'].map((s) => median(`encode_vectored/fetch-response-${s}`))
targets.push(['encode_vectored/fetch-response-* independent of content size (1m ≤ 1.5× 16)', vec[3] / vec[0] <= 1.5,
  `16: ${ns(vec[0])}, 1k: ${ns(vec[1])}, 64k: ${ns(vec[2])}, 1m: ${ns(vec[3])} ns`])
const d16 = median('decode/fetch-response-16')
const d1m = median('decode/fetch-response-1m')
targets.push(['decode/fetch-response-1m ≤ 1.2× decode/fetch-response-16', d1m / d16 <= 1.2,
  `${ns(d1m)} / ${ns(d16)} ns = ${(d1m / d16).toFixed(2)}×`])

console.log(rows.join('\n'))
console.log('\n| target | met | measured |\n|---|---|---|')
for (const [what, ok, measured] of targets) console.log(`| ${what} | ${mark(ok)} | ${measured} |`)
