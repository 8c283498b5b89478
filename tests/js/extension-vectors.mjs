/**
 * Vectors for the snapshot extension kinds (spec/snapshot-extensions.md), appended to
 * the base vectors by vectors.mjs. Same conventions: valid hex comes from encodeFrame
 * (lib0 writers); invalid inputs are built with lib0 writers plus raw bytes, and the
 * offset is where the builder calls mark().
 *
 * The first vector of each kind (named `ext-<kind>`) is the annotated example of that kind
 * in the spec (see spec-examples.mjs).
 * @module extension-vectors
 */
import { createHash } from 'node:crypto'
import { ERROR_CODES, STATES } from './codec.mjs'

const ANA = 'ana'
const BEN = 'ben'
const CREATED = 1762000000000 // 2025-11-01T12:26:40Z
const DAY = 24 * 60 * 60 * 1000
const MAX = 2 ** 53 - 1
/** SHA-256 of the 12 content bytes "Hello, world", as lowercase hex. */
const SHA256 = createHash('sha256').update('Hello, world').digest('hex')

const META = { id: 12, name: 'v12', createdAt: CREATED, userId: ANA }
const META_RENAMED = { id: 12, name: 'Release 1.0', createdAt: CREATED, userId: ANA }
const DETAILS = {
  description: 'Q1 goals',
  tags: ['release', 'stable'],
  contentLength: 2048000,
  checksum: SHA256,
  expiresAt: CREATED + 90 * DAY,
  parentId: 11,
  state: 'active'
}

const snap = (payload, document = 'doc') => ({ document, type: 'snapshot', payload })
const err = (requestKind, snapshotId, code, message) => snap({ type: 'snapshot-error', requestKind, snapshotId, code, message })
const info = (details, snapshot = META) => snap({ type: 'snapshot-info-response', snapshot, details })
const create = (name, currentSnapshotName, description, tags, expiresAt, parentId) =>
  snap({ type: 'snapshot-create-request', name, currentSnapshotName, description, tags, expiresAt, parentId })
const search = (query, tags, createdFrom, createdTo, offset, limit) =>
  snap({ type: 'search-snapshots', query, tags, createdFrom, createdTo, offset, limit })

/** [name, description, json]; `ext-<kind>` entries are the spec examples. */
export const EXT_VALID = [
  // the spec examples, one per kind
  ['ext-snapshot-error', 'snapshot-error: a snapshot-create-request was denied (MilestoneOperationDeniedError); no snapshot id (0), code permission-denied (2)',
    err('snapshot-create-request', 0, 'permission-denied', 'read-only')],
  ['ext-list-snapshots-since', 'list-snapshots-since: the client knows snapshots 10, 11 and 12',
    snap({ type: 'list-snapshots-since', knownIds: [10, 11, 12] })],
  ['ext-snapshot-rename-request', 'snapshot-rename-request: rename snapshot 12 to "Release 1.0"',
    snap({ type: 'snapshot-rename-request', snapshotId: 12, name: 'Release 1.0' })],
  ['ext-snapshot-rename-response', 'snapshot-rename-response: META with the new name',
    snap({ type: 'snapshot-rename-response', snapshot: META_RENAMED })],
  ['ext-snapshot-renamed-event', 'snapshot-renamed-event: META with the new name, renamed by "ben"',
    snap({ type: 'snapshot-renamed-event', snapshot: META_RENAMED, renamedBy: BEN })],
  ['ext-snapshot-delete-request', 'snapshot-delete-request for snapshot 12',
    snap({ type: 'snapshot-delete-request', snapshotId: 12 })],
  ['ext-snapshot-delete-response', 'snapshot-delete-response: snapshot 12 is deleted',
    snap({ type: 'snapshot-delete-response', snapshotId: 12 })],
  ['ext-snapshot-deleted-event', 'snapshot-deleted-event: snapshot 12 deleted by "ben"',
    snap({ type: 'snapshot-deleted-event', snapshotId: 12, deletedBy: BEN })],
  ['ext-snapshot-info-request', 'snapshot-info-request for snapshot 12',
    snap({ type: 'snapshot-info-request', snapshotId: 12 })],
  ['ext-snapshot-info-response', 'snapshot-info-response: META, then DETAILS with two tags, a 32-byte SHA-256, a 90-day expiry, parent 11, state active',
    info(DETAILS)],
  ['ext-snapshot-create-request', 'snapshot-create-request: name, current name, description, tags [release], expiry, parent 11',
    create('v13', 'v12', 'Q1 goals', ['release'], CREATED + 90 * DAY, 11)],
  ['ext-snapshot-revert-progress-event', 'snapshot-revert-progress-event: reverting to 12, stage "restoring", 2 of 3 steps done',
    snap({ type: 'snapshot-revert-progress-event', snapshotId: 12, stage: 'restoring', completed: 2, total: 3 })],
  ['ext-search-snapshots', 'search-snapshots: searchCheckpoints("milestone", 10): query, no tags, no time bounds, offset 0, limit 10',
    search('milestone', [], 0, 0, 0, 10)],
  ['ext-snapshot-stats-request', 'snapshot-stats-request: the kind string and nothing after it',
    snap({ type: 'snapshot-stats-request' })],
  ['ext-snapshot-stats-response', 'snapshot-stats-response: 3 snapshots, 2048000 bytes in all, oldest and newest createdAt',
    snap({ type: 'snapshot-stats-response', count: 3, totalContentLength: 2048000, oldestCreatedAt: CREATED - 2 * DAY, newestCreatedAt: CREATED })],

  // snapshot-error: every named code, unknown codes kept, any request kind
  ...ERROR_CODES.map((word, i) => [`snapshot-error-code-${word}`, `snapshot-error with code ${word} (${i + 1})`,
    err('snapshot-fetch-request', 12, word, `${word} happened`)]),
  ['snapshot-error-code-unknown-0', 'code 0 is reserved (never sent) but decodes, shown as unknown-0',
    err('snapshot-fetch-request', 12, 'unknown-0', '')],
  ['snapshot-error-code-unknown-10', 'code 10, the first value without a name: kept, not rejected, shown as unknown-10',
    err('snapshot-fetch-request', 12, 'unknown-10', 'future')],
  ['snapshot-error-code-unknown-2p53-minus-1', 'the largest code, 2^53-1 (ff ff ff ff ff ff ff 0f), shown as unknown-9007199254740991',
    err('snapshot-revert-request', MAX, `unknown-${MAX}`, 'future')],
  ['snapshot-error-unsupported-unknown-kind', 'a server answers a kind it does not know ("snapshot-lock-request") with unsupported and that kind string',
    err('snapshot-lock-request', 0, 'unsupported', 'unknown request kind')],
  ['snapshot-error-empty-strings', 'snapshot-error with an empty requestKind (the request could not be read) and an empty message',
    err('', 0, 'invalid-request', '')],
  ['snapshot-error-unicode-message', 'snapshot-error whose message has NUL, BOM, emoji and CJK',
    err('snapshot-rename-request', 12, 'conflict', '\uFEFFname taken \u0000 😀 名前')],

  // list-snapshots-since
  ['list-snapshots-since-empty', 'list-snapshots-since with no known ids: count 00 (asks for everything)',
    snap({ type: 'list-snapshots-since', knownIds: [] })],
  ['list-snapshots-since-varint-edges', 'known ids at varint length edges: 0, 127, 128, 16383, 16384, 2^53-1',
    snap({ type: 'list-snapshots-since', knownIds: [0, 127, 128, 16383, 16384, MAX] })],
  ['list-snapshots-since-1000-ids', 'list-snapshots-since with 1000 ids (1..1000): a 2-byte count e8 07',
    snap({ type: 'list-snapshots-since', knownIds: Array.from({ length: 1000 }, (_, i) => i + 1) })],

  // rename / delete
  ['snapshot-rename-request-empty-name', 'snapshot-rename-request with an empty name and id 0 (the wire allows both)',
    snap({ type: 'snapshot-rename-request', snapshotId: 0, name: '' })],
  ['snapshot-rename-request-unicode', 'snapshot-rename-request with a name of emoji, ZWJ sequence and CJK',
    snap({ type: 'snapshot-rename-request', snapshotId: 12, name: '🏳️‍🌈 版本 1' })],
  ['snapshot-renamed-event-empty-renamed-by', 'snapshot-renamed-event with an empty renamedBy',
    snap({ type: 'snapshot-renamed-event', snapshot: META, renamedBy: '' })],
  ['snapshot-delete-request-max-id', 'snapshot-delete-request for id 2^53-1',
    snap({ type: 'snapshot-delete-request', snapshotId: MAX })],
  ['snapshot-delete-response-id-128', 'snapshot-delete-response for id 128 (80 01)',
    snap({ type: 'snapshot-delete-response', snapshotId: 128 })],
  ['snapshot-deleted-event-empty-deleted-by', 'snapshot-deleted-event for id 0 with an empty deletedBy',
    snap({ type: 'snapshot-deleted-event', snapshotId: 0, deletedBy: '' })],

  // info / DETAILS
  ...STATES.map((state, i) => [`snapshot-info-response-state-${state}`, `DETAILS state ${state} (${i}), checksum unknown (00)`,
    info({ ...DETAILS, checksum: '', state })]),
  ['snapshot-info-response-minimal-details', 'DETAILS with an empty description, no tags, length 0, unknown checksum, never expires, no parent',
    info({ description: '', tags: [], contentLength: 0, checksum: '', expiresAt: 0, parentId: 0, state: 'active' })],
  ['snapshot-info-response-max-integers', 'META and DETAILS integers all 2^53-1; checksum of 32 ff bytes',
    info({ description: 'max', tags: ['x'], contentLength: MAX, checksum: 'ff'.repeat(32), expiresAt: MAX, parentId: MAX, state: 'expired' },
      { id: MAX, name: 'max', createdAt: MAX, userId: ANA })],
  ['snapshot-info-response-checksum-zeros', 'a 32-byte checksum of zero bytes is a known checksum, not "unknown"',
    info({ ...DETAILS, checksum: '00'.repeat(32) })],
  ['snapshot-info-response-unicode-tags', 'DETAILS tags: empty, NUL, BOM, emoji, and a duplicate (tags are a list, not a set)',
    info({ ...DETAILS, tags: ['', '\u0000', '\uFEFF', '😀', 'stable', 'stable'] })],
  ['snapshot-info-request-max-id', 'snapshot-info-request for id 2^53-1',
    snap({ type: 'snapshot-info-request', snapshotId: MAX })],

  // create
  ['snapshot-create-request-minimal', 'createMilestone() with no name: every string empty, no tags, expiresAt 0 (never), parentId 0 (none)',
    create('', '', '', [], 0, 0)],
  ['snapshot-create-request-checkpoint', 'checkpointManager.create: name, description, three tags, 90-day retention, no parent',
    create('milestone-v1.0', 'v12', 'Milestone checkpoint with user authentication feature', ['stable', 'milestone', 'production-ready'], CREATED + 90 * DAY, 0)],
  ['snapshot-create-request-chain', 'createCheckpointChain step: parent is the previous checkpoint (id 2^53-1 at the edge)',
    create('checkpoint-2', '', '', [], 0, MAX)],
  ['snapshot-create-request-unicode', 'snapshot-create-request with NUL, BOM, emoji and CJK in every string and tag',
    create('v13 \u0000', '\uFEFF', '説明 😀', ['タグ', '\u0000'], 1, 1)],

  // progress
  ['snapshot-revert-progress-event-stopping', 'first event of a restore stream: stage "stopping", 0 of 3',
    snap({ type: 'snapshot-revert-progress-event', snapshotId: 12, stage: 'stopping', completed: 0, total: 3 })],
  ['snapshot-revert-progress-event-total-unknown', 'total 0 (unknown) with completed 300: no order between them is enforced',
    snap({ type: 'snapshot-revert-progress-event', snapshotId: 12, stage: 'restoring', completed: 300, total: 0 })],
  ['snapshot-revert-progress-event-max', 'every integer 2^53-1, empty stage',
    snap({ type: 'snapshot-revert-progress-event', snapshotId: MAX, stage: '', completed: MAX, total: MAX })],

  // search
  ['search-snapshots-advanced', 'advanced searchCheckpoints: query, tags [production, stable], 2024 as a closed range, page 2 of 20 (offset 20)',
    search('authentication', ['production', 'stable'], 1704067200000, 1735689599999, 20, 20)],
  ['search-snapshots-everything', 'empty query, no tags, open range (0, 0), offset 0, limit 0 (server chooses)',
    search('', [], 0, 0, 0, 0)],
  ['search-snapshots-max', 'every integer 2^53-1',
    search('x', ['y'], MAX, MAX, MAX, MAX)],

  // stats
  ['snapshot-stats-response-empty', 'no snapshots: all four numbers 0',
    snap({ type: 'snapshot-stats-response', count: 0, totalContentLength: 0, oldestCreatedAt: 0, newestCreatedAt: 0 })],
  ['snapshot-stats-response-max', 'every number 2^53-1',
    snap({ type: 'snapshot-stats-response', count: MAX, totalContentLength: MAX, oldestCreatedAt: MAX, newestCreatedAt: MAX })]
]

/**
 * The invalid vectors of the extension kinds.
 * @param {object} w the byte-writing helpers of vectors.mjs (raw, ascii, uint, str, head, snap, meta)
 * @returns {Array<[string, string, string, (e: object, m: () => void) => void]>} [name, error, reason, builder]
 */
export const extInvalid = (w) => {
  const meta = (e) => w.meta(e, META)
  /** DETAILS up to (not including) the checksum */
  const beforeChecksum = (e) => { w.str(e, 'd'); w.uint(e, 1); w.str(e, 'tag'); w.uint(e, 2048) }
  /** DETAILS from after the checksum up to (not including) the state */
  const afterChecksum = (e) => { w.uint(e, 0); w.uint(e, 11) }
  const infoHead = (e) => { w.snap(e, 'snapshot-info-response'); meta(e) }
  const V = [
    // invalid-value: state
    ['invalid-value-state-4', 'invalid-value', 'snapshot-info-response: DETAILS state 04, one past expired; at the state start',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m(); w.uint(e, 4) }],
    ['invalid-value-state-127', 'invalid-value', 'DETAILS state 7f; at the state start',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m(); w.uint(e, 127) }],
    ['invalid-value-state-2-bytes', 'invalid-value', 'DETAILS state 80 01 (128), a canonical 2-byte varUint that is not a state; at the state start',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m(); w.uint(e, 128) }],
    ['non-canonical-state', 'non-canonical-varint', 'DETAILS state 80 00 (overlong active): varUint errors come before the value check; at the state start',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m(); w.raw(e, 0x80, 0x00) }],
    ['out-of-range-state', 'integer-out-of-range', 'DETAILS state 80 x7 10 (2^53): varUint errors come before the value check; at the state start',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m(); w.raw(e, Array(7).fill(0x80), 0x10) }],
    ['truncated-state', 'truncated', 'DETAILS ends after parentId: the state varUint is missing',
      (e, m) => { infoHead(e); beforeChecksum(e); w.uint(e, 0); afterChecksum(e); m() }],
    // invalid-value: checksum length
    ['invalid-value-checksum-1-byte', 'invalid-value', 'DETAILS checksum of 1 byte (01 ab): only 0 or 32 bytes are allowed; at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 1); w.raw(e, 0xab); afterChecksum(e); w.uint(e, 0) }],
    ['invalid-value-checksum-31-bytes', 'invalid-value', 'DETAILS checksum of 31 bytes (1f ...); at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 31); w.raw(e, Array(31).fill(0xab)); afterChecksum(e); w.uint(e, 0) }],
    ['invalid-value-checksum-33-bytes-absent', 'invalid-value', 'DETAILS checksum length 33 and nothing after: the length alone is rejected (invalid-value before truncated); at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 33) }],
    ['invalid-value-checksum-64-bytes', 'invalid-value', 'DETAILS checksum of 64 bytes (a hex string sent as bytes); at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 64); w.raw(e, Array(64).fill(0x61)); afterChecksum(e); w.uint(e, 0) }],
    ['invalid-value-checksum-length-2p40', 'invalid-value', 'DETAILS checksum length 2^40 (a 6-byte varUint); at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 2 ** 40) }],
    ['truncated-checksum-32', 'truncated', 'DETAILS checksum length 32 (allowed) but 5 bytes follow; truncated at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.uint(e, 32); w.raw(e, 1, 2, 3, 4, 5) }],
    ['non-canonical-checksum-length', 'non-canonical-varint', 'DETAILS checksum length a0 00 (overlong 32); at the checksum start',
      (e, m) => { infoHead(e); beforeChecksum(e); m(); w.raw(e, 0xa0, 0x00); w.raw(e, Array(32).fill(0)); afterChecksum(e); w.uint(e, 0) }],
    // lists of ids and tags
    ['truncated-known-ids-count', 'truncated', 'list-snapshots-since count 5 with 2 bytes after it: 5 ids need at least 5 bytes; truncated at the count start',
      (e, m) => { w.snap(e, 'list-snapshots-since'); m(); w.uint(e, 5); w.raw(e, 1, 2) }],
    ['truncated-known-ids-missing', 'truncated', 'list-snapshots-since with no count at all',
      (e, m) => { w.snap(e, 'list-snapshots-since'); m() }],
    ['truncated-known-id-varint', 'truncated', 'list-snapshots-since count 2: id 01, then ff ff and the end; truncated at the second id start',
      (e, m) => { w.snap(e, 'list-snapshots-since'); w.uint(e, 2); w.uint(e, 1); m(); w.raw(e, 0xff, 0xff) }],
    ['limit-known-ids-100001', 'limit-exceeded', 'list-snapshots-since count 100001 = maxListEntries + 1 and one id: the limit is checked before the count*1 rule; at the count start',
      (e, m) => { w.snap(e, 'list-snapshots-since'); m(); w.uint(e, 100001); w.uint(e, 1) }],
    ['non-canonical-known-id', 'non-canonical-varint', 'list-snapshots-since: second id is 80 00; at that id start',
      (e, m) => { w.snap(e, 'list-snapshots-since'); w.uint(e, 2); w.uint(e, 10); m(); w.raw(e, 0x80, 0x00) }],
    ['out-of-range-known-id', 'integer-out-of-range', 'list-snapshots-since: id 2^53 (80 x7 10); at the id start',
      (e, m) => { w.snap(e, 'list-snapshots-since'); w.uint(e, 1); m(); w.raw(e, Array(7).fill(0x80), 0x10) }],
    ['invalid-utf8-create-tag', 'invalid-utf8', 'snapshot-create-request: second tag is c3 28 (a lead byte without its continuation); at that tag start',
      (e, m) => { w.snap(e, 'snapshot-create-request'); w.str(e, 'v13'); w.str(e, ''); w.str(e, ''); w.uint(e, 2); w.str(e, 'ok'); m(); w.uint(e, 2); w.raw(e, 0xc3, 0x28); w.uint(e, 0); w.uint(e, 0) }],
    ['limit-create-tag-65537', 'limit-exceeded', 'snapshot-create-request: a tag of length 65537 > maxStringBytes; at the tag start',
      (e, m) => { w.snap(e, 'snapshot-create-request'); w.str(e, ''); w.str(e, ''); w.str(e, ''); w.uint(e, 1); m(); w.uint(e, 65537) }],
    ['truncated-search-tags-count', 'truncated', 'search-snapshots: tag count 9 with 4 bytes after it (the four numbers): truncated at the count start',
      (e, m) => { w.snap(e, 'search-snapshots'); w.str(e, 'q'); m(); w.uint(e, 9); w.raw(e, 0, 0, 0, 0) }],
    ['limit-search-tags-2p40', 'limit-exceeded', 'search-snapshots: tag count 2^40 > maxListEntries; at the count start',
      (e, m) => { w.snap(e, 'search-snapshots'); w.str(e, 'q'); m(); w.uint(e, 2 ** 40) }],
    ['invalid-utf8-details-tag', 'invalid-utf8', 'snapshot-info-response: a DETAILS tag ed a0 80 (lone surrogate); at the tag start',
      (e, m) => { infoHead(e); w.str(e, 'd'); w.uint(e, 1); m(); w.uint(e, 3); w.raw(e, 0xed, 0xa0, 0x80); w.uint(e, 0); w.uint(e, 0); afterChecksum(e); w.uint(e, 0) }],
    // snapshot-error fields
    ['out-of-range-error-code', 'integer-out-of-range', 'snapshot-error: code is a 9-byte varint (80 x8 01); at the code start',
      (e, m) => { w.snap(e, 'snapshot-error'); w.str(e, 'snapshot-fetch-request'); w.uint(e, 12); m(); w.raw(e, Array(8).fill(0x80), 0x01); w.str(e, '') }],
    ['non-canonical-error-code', 'non-canonical-varint', 'snapshot-error: code 81 00 (overlong not-found); at the code start',
      (e, m) => { w.snap(e, 'snapshot-error'); w.str(e, 'snapshot-fetch-request'); w.uint(e, 12); m(); w.raw(e, 0x81, 0x00); w.str(e, '') }],
    ['invalid-utf8-request-kind', 'invalid-utf8', 'snapshot-error: requestKind ff; at the requestKind start',
      (e, m) => { w.snap(e, 'snapshot-error'); m(); w.uint(e, 1); w.raw(e, 0xff); w.uint(e, 0); w.uint(e, 1); w.str(e, '') }],
    ['truncated-error-message', 'truncated', 'snapshot-error: requestKind, id and code, then the message is missing',
      (e, m) => { w.snap(e, 'snapshot-error'); w.str(e, 'snapshot-fetch-request'); w.uint(e, 12); w.uint(e, 1); m() }],
    // truncation at a field of each other kind
    ['truncated-rename-name', 'truncated', 'snapshot-rename-request: id 12, then the name is missing',
      (e, m) => { w.snap(e, 'snapshot-rename-request'); w.uint(e, 12); m() }],
    ['truncated-renamed-by', 'truncated', 'snapshot-renamed-event: META, then renamedBy is missing',
      (e, m) => { w.snap(e, 'snapshot-renamed-event'); meta(e); m() }],
    ['truncated-rename-response-meta', 'truncated', 'snapshot-rename-response with no META',
      (e, m) => { w.snap(e, 'snapshot-rename-response'); m() }],
    ['truncated-delete-request-id', 'truncated', 'snapshot-delete-request with no id',
      (e, m) => { w.snap(e, 'snapshot-delete-request'); m() }],
    ['truncated-delete-response-id', 'truncated', 'snapshot-delete-response: id ff and the end',
      (e, m) => { w.snap(e, 'snapshot-delete-response'); m(); w.raw(e, 0xff) }],
    ['truncated-deleted-by', 'truncated', 'snapshot-deleted-event: deletedBy length 3 but "be" follows; truncated at its start',
      (e, m) => { w.snap(e, 'snapshot-deleted-event'); w.uint(e, 12); m(); w.uint(e, 3); w.ascii(e, 'be') }],
    ['truncated-info-request-id', 'truncated', 'snapshot-info-request with no id',
      (e, m) => { w.snap(e, 'snapshot-info-request'); m() }],
    ['truncated-info-details', 'truncated', 'snapshot-info-response: META, then DETAILS is missing (its description first)',
      (e, m) => { infoHead(e); m() }],
    ['truncated-create-parent-id', 'truncated', 'snapshot-create-request: everything up to expiresAt, then parentId is missing',
      (e, m) => { w.snap(e, 'snapshot-create-request'); w.str(e, 'v13'); w.str(e, ''); w.str(e, ''); w.uint(e, 0); w.uint(e, 0); m() }],
    ['truncated-progress-total', 'truncated', 'snapshot-revert-progress-event: id, stage, completed, then total is missing',
      (e, m) => { w.snap(e, 'snapshot-revert-progress-event'); w.uint(e, 12); w.str(e, 'restoring'); w.uint(e, 2); m() }],
    ['truncated-search-limit', 'truncated', 'search-snapshots: everything but the limit',
      (e, m) => { w.snap(e, 'search-snapshots'); w.str(e, 'q'); w.uint(e, 0); w.uint(e, 0); w.uint(e, 0); w.uint(e, 0); m() }],
    ['truncated-stats-newest', 'truncated', 'snapshot-stats-response: three numbers, then newestCreatedAt is missing',
      (e, m) => { w.snap(e, 'snapshot-stats-response'); w.uint(e, 3); w.uint(e, 2048000); w.uint(e, CREATED); m() }],
    // kinds are exact strings
    ['unknown-snapshot-kind-snapshot-errors', 'unknown-snapshot-kind', 'kind "snapshot-errors" (one letter too many) at 9',
      (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'snapshot-errors') }],
    ['unknown-snapshot-kind-list-snapshot-since', 'unknown-snapshot-kind', 'kind "list-snapshot-since" (missing s) at 9',
      (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'list-snapshot-since') }],
    ['unknown-snapshot-kind-future', 'unknown-snapshot-kind', 'kind "snapshot-lock-request", a kind of some future version: a strict decoder rejects it; at 9',
      (e, m) => { w.head(e); w.raw(e, 2); m(); w.str(e, 'snapshot-lock-request'); w.uint(e, 12) }]
  ]
  return V
}

/** Names of the vectors whose frame is each kind's spec example, by kind. */
export const SPEC_EXAMPLES = Object.fromEntries(
  EXT_VALID.filter(([name]) => name.startsWith('ext-')).map(([name, , json]) => [json.payload.type, name]))

