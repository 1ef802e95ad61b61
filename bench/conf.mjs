// Research harness (not shipped): explores confidence functions over dumped features.
// node bench/conf.mjs DUMPDIR WEIGHTS_JSON
import { readFileSync } from 'node:fs';
const dir = process.argv[2];
const W = JSON.parse(process.argv[3] ?? '{"stage1":1}');
const sets = ['lcqmc', 'oppo', 'afqmc'];
const rows = Object.fromEntries(
  sets.map((s) => [
    s,
    readFileSync(`${dir}/${s}.jsonl`, 'utf8')
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => {
        const sc = r.c
          .map((c) => ({ id: c.id, f: c.f, s: Object.entries(W).reduce((a, [k, w]) => a + w * c.f[k], 0) }))
          .sort((a, b) => b.s - a.s);
        return { e: r.e, q: r.q, top: sc[0], sec: sc[1], ok: sc[0] && sc[0].id === r.e };
      }),
  ]),
);
const CONFS = {
  margin: (r) => (r.top ? (r.top.s - (r.sec?.s ?? 0)) / r.top.s : 0),
  abs: (r) => (r.top ? r.top.s - (r.sec?.s ?? 0) : 0),
  exact: (r) => (r.top ? Math.min(r.top.f.charCovQ, r.top.f.charCovD) : 0),
  lcsmin: (r) => (r.top ? Math.min(r.top.f.lcsQ, r.top.f.lcsD) : 0),
  mixA: (r) => (r.top ? Math.min(r.top.f.lcsQ, r.top.f.lcsD) + (2 * (r.top.s - (r.sec?.s ?? 0))) / r.top.s : 0),
  mixB: (r) => (r.top ? Math.min(r.top.f.charCovQ, r.top.f.charCovD) * ((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0),
  mixC: (r) => (r.top ? Math.min(r.top.f.lcsQ, r.top.f.lcsD) * ((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0),
  mixE: (r) =>
    r.top ? Math.min(r.top.f.charCovQ, r.top.f.charCovD) * Math.sqrt((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0,
  mixF: (r) => (r.top ? ((r.top.f.charCovQ + r.top.f.charCovD) / 2) * ((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0),
  mixG: (r) => (r.top ? Math.min(r.top.f.charCovQ, r.top.f.charCovD) * (r.top.s - (r.sec?.s ?? 0)) : 0),
  mixH: (r) =>
    r.top
      ? Math.min(r.top.f.charCovQ, r.top.f.charCovD, r.top.f.lcsQ, r.top.f.lcsD) *
        ((r.top.s - (r.sec?.s ?? 0)) / r.top.s)
      : 0,
  mixI: (r) =>
    r.top ? Math.min(r.top.f.charCovQ, r.top.f.charCovD) ** 2 * ((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0,
  mixD: (r) => (r.top ? ((r.top.f.lcsQ + r.top.f.lcsD) / 2) * Math.sqrt((r.top.s - (r.sec?.s ?? 0)) / r.top.s) : 0),
};
for (const [name, fn] of Object.entries(CONFS)) {
  // threshold = smallest value such that wrong <= 0.04 on every set
  const per = {};
  let tNeed = -Infinity;
  for (const s of sets) {
    const v = rows[s].map((r) => ({ c: fn(r), ok: r.ok, ins: r.e !== null })).sort((a, b) => b.c - a.c);
    let wrong = 0;
    let t = Infinity;
    for (const x of v) {
      if (!x.ok) wrong++;
      if (wrong / v.length > 0.04) {
        t = x.c;
        break;
      }
    }
    per[s] = t;
    tNeed = Math.max(tNeed, t);
  }
  const res = {};
  for (const s of sets) {
    const n = rows[s].length,
      nin = rows[s].filter((r) => r.e !== null).length;
    let right = 0,
      wrong = 0;
    for (const r of rows[s]) {
      const c = fn(r);
      if (c > tNeed) {
        if (r.ok) right++;
        else wrong++;
      }
    }
    res[s] = `${(right / nin).toFixed(3)}/${(wrong / n).toFixed(3)} (own ${per[s].toFixed(3)})`;
  }
  console.log(name.padEnd(7), 't=' + tNeed.toFixed(3), JSON.stringify(res));
}
