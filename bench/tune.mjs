// Research harness (not shipped): offline tuning of rerank weights over dumped features.
// node bench/tune.mjs DUMPDIR [sets]
import { readFileSync } from 'node:fs';
const dir = process.argv[2];
const sets = (process.argv[3] ?? 'lcqmc,oppo,afqmc').split(',');
const FEATS = (process.env.FEATS ?? 'stage1,lcsQ,lcsD,dice,covQ,covD,charCovQ,charCovD').split(',');
const data = Object.fromEntries(
  sets.map((s) => [
    s,
    readFileSync(`${dir}/${s}.jsonl`, 'utf8')
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => ({ e: r.e, c: r.c.map((c) => ({ id: c.id, x: FEATS.map((f) => c.f[f]) })) })),
  ]),
);

export function evalSet(rows, w, fold) {
  let n = 0,
    t1 = 0,
    rr = 0,
    r3 = 0;
  const confs = [];
  rows.forEach((r, i) => {
    if (fold !== undefined && i % 2 !== fold) return;
    const sc = r.c.map((c) => ({ id: c.id, s: c.x.reduce((a, v, k) => a + v * w[k], 0) }));
    sc.sort((a, b) => b.s - a.s);
    const top = sc[0]?.s ?? 0,
      sec = sc[1]?.s ?? 0;
    const ok = r.e !== null && sc[0]?.id === r.e;
    confs.push({ top, margin: top > 0 ? (top - Math.max(0, sec)) / top : 0, ok, ins: r.e !== null });
    if (r.e === null) return;
    n++;
    const k = sc.slice(0, 10).findIndex((c) => c.id === r.e);
    if (k === 0) t1++;
    if (k >= 0) rr += 1 / (k + 1);
    if (k >= 0 && k < 3) r3++;
  });
  return { top1: t1 / n, mrr: rr / n, r3: r3 / n, confs, nIn: n };
}
const args = process.argv.slice(4);
const base = FEATS.map((_, i) => (i === 0 ? 1 : 0));
function objective(w, fold) {
  let s = 0;
  for (const set of sets) s += evalSet(data[set], w, fold).top1;
  return s / sets.length;
}
// coordinate ascent
function ascend(fold) {
  let w = [...base];
  let best = objective(w, fold);
  const steps = [0.5, 0.25, 0.1, 0.05];
  for (const st of steps) {
    let improved = true;
    while (improved) {
      improved = false;
      for (let k = 1; k < FEATS.length; k++)
        for (const d of [st, -st]) {
          const w2 = [...w];
          w2[k] = Math.round((w2[k] + d) * 100) / 100;
          if (w2[k] < 0) continue;
          const o = objective(w2, fold);
          if (o > best + 1e-5) {
            best = o;
            w = w2;
            improved = true;
          }
        }
    }
  }
  return { w, best };
}
const mode = args[0] ?? 'cv';
if (mode === 'cv') {
  for (const fold of [0, 1]) {
    const { w, best } = ascend(fold);
    const other = 1 - fold;
    const res = Object.fromEntries(sets.map((s) => [s, +evalSet(data[s], w, other).top1.toFixed(4)]));
    console.log(
      `train fold ${fold}: w=${JSON.stringify(Object.fromEntries(FEATS.map((f, i) => [f, w[i]])))} trainObj=${best.toFixed(4)} test top1=${JSON.stringify(res)}`,
    );
  }
  const { w } = ascend(undefined);
  console.log(
    'all:',
    JSON.stringify(Object.fromEntries(FEATS.map((f, i) => [f, w[i]]))),
    Object.fromEntries(sets.map((s) => [s, +evalSet(data[s], w).top1.toFixed(4)])),
  );
} else if (mode === 'w') {
  const w = JSON.parse(args[1]);
  for (const s of sets) {
    const r = evalSet(data[s], w);
    console.log(s, r.top1.toFixed(4), r.mrr.toFixed(4), r.r3.toFixed(4));
  }
}
if (mode === 'loso') {
  // leave one set out: fit on the other sets, report on the held-out one
  for (const held of sets) {
    const train = sets.filter((s) => s !== held);
    const obj = (w) => train.reduce((a, s) => a + evalSet(data[s], w).top1, 0) / train.length;
    let w = [...base];
    let best = obj(w);
    for (const st of [0.5, 0.25, 0.1]) {
      let imp = true;
      while (imp) {
        imp = false;
        for (let k = 1; k < FEATS.length; k++)
          for (const d of [st, -st]) {
            const w2 = [...w];
            w2[k] = Math.round((w2[k] + d) * 100) / 100;
            if (w2[k] < 0) continue;
            const o = obj(w2);
            if (o > best + 1e-5) {
              best = o;
              w = w2;
              imp = true;
            }
          }
      }
    }
    const r = evalSet(data[held], w);
    console.log(
      `held-out ${held}: top1=${r.top1.toFixed(4)} mrr10=${r.mrr.toFixed(4)} recall3=${r.r3.toFixed(4)} w=${JSON.stringify(Object.fromEntries(FEATS.map((f, i) => [f, w[i]])))}`,
    );
  }
}
