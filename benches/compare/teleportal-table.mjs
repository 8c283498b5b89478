/**
 * Prints the yjs-wire vs teleportal table (markdown) from one run of
 * benches/compare/run-teleportal.sh.
 *
 *   node|bun benches/compare/teleportal-table.mjs CRITERION_DIR TELEPORTAL.json [TELEPORTAL.json ...]
 *
 * CRITERION_DIR is target/criterion: every benchmark's new/benchmark.json names its id
 * (`full_id`, e.g. teleportal/decode/update-100) and new/estimates.json holds criterion's
 * median (ns); the ids are found by `full_id`, whatever directories criterion made of them.
 * Each TELEPORTAL.json is one pass of teleportal.mts; with several passes, each teleportal time
 * is the fastest of them (the conservative choice for the ratios).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const [criterionDir, ...passPaths] = process.argv.slice(2)
if (!passPaths.length) throw new Error('usage: teleportal-table.mjs CRITERION_DIR TELEPORTAL.json [TELEPORTAL.json ...]')
const passes = passPaths.map((path) => JSON.parse(readFileSync(path, 'utf8')))
const teleportal = {}
for (const [name, first] of Object.entries(passes[0])) {
  teleportal[name] = {
    bytes: first.bytes,
    decode: Math.min(...passes.map((pass) => pass[name].decode)),
    encode: Math.min(...passes.map((pass) => pass[name].encode))
  }
}

/** full_id -> median ns, for every benchmark under CRITERION_DIR. */
const medians = new Map()
const scan = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const sub = join(dir, entry.name)
    const info = join(sub, 'new', 'benchmark.json')
    if (existsSync(info)) {
      const id = JSON.parse(readFileSync(info, 'utf8')).full_id
      medians.set(id, JSON.parse(readFileSync(join(sub, 'new', 'estimates.json'), 'utf8')).median.point_estimate)
    } else if (entry.name !== 'report') {
      scan(sub)
    }
  }
}
scan(criterionDir)
const median = (id) => {
  if (!medians.has(id)) throw new Error(`no criterion estimate for ${id} under ${criterionDir}`)
  return medians.get(id)
}

const ns = (x) => x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)
const ratio = (a, b) => `${(a / b).toFixed(1)}×`
const mark = (ok) => ok ? 'yes' : '**no**'

const rows = []
const owned = []
const targets = []
rows.push('| item | yjs-wire decode ns | teleportal decode ns | ratio | yjs-wire encode ns | teleportal encode ns | ratio |')
rows.push('|---|---:|---:|---:|---:|---:|---:|')
owned.push('| item | bytes | yjs-wire decode_owned ns | teleportal decode / decode_owned |')
owned.push('|---|---:|---:|---:|')
for (const [name, js] of Object.entries(teleportal)) {
  const dec = median(`teleportal/decode/${name}`)
  const decOwned = median(`teleportal/decode_owned/${name}`)
  const enc = median(`teleportal/encode/${name}`)
  rows.push(`| ${name} | ${ns(dec)} | ${ns(js.decode)} | ${ratio(js.decode, dec)} | ${ns(enc)} | ${ns(js.encode)} | ${ratio(js.encode, enc)} |`)
  owned.push(`| ${name} | ${js.bytes.toLocaleString('en-US')} | ${ns(decOwned)} | ${ratio(js.decode, decOwned)} |`)
  targets.push([`teleportal/decode/${name} ≥ 20× teleportal`, js.decode / dec >= 20, ratio(js.decode, dec)])
  targets.push([`teleportal/encode/${name} ≥ 10× teleportal`, js.encode / enc >= 10, ratio(js.encode, enc)])
}
const get1m = median('teleportal/decode/milestone-get-1m')
const update100 = median('teleportal/decode/update-100')
targets.push(['teleportal/decode/milestone-get-1m ≤ 1.2× teleportal/decode/update-100', get1m / update100 <= 1.2,
  `${ns(get1m)} / ${ns(update100)} ns = ${(get1m / update100).toFixed(2)}×`])

console.log(rows.join('\n'))
console.log()
console.log(owned.join('\n'))
console.log('\n| target | met | measured |\n|---|---|---|')
for (const [what, ok, measured] of targets) console.log(`| ${what} | ${mark(ok)} | ${measured} |`)
