import { performance } from 'node:perf_hooks';
import { loadSeedRuleSetData } from './lib/reference/load-seed';
import { buildRuleSet, screen } from './lib/screening';
import { app, face } from './lib/screening/seed-fixture';
const rs = buildRuleSet(loadSeedRuleSetData());
const eccns = ['EAR99', '3A981', '5A001.j', '5A992.c', null, '3A001.b.4.b'];
const mk = (k: number) => { const { product: _, ...base } = app({ country: ['BR','CN','DE','RU','AE'][k % 5]!, endUserName: 'Huawei Technologies Co Ltd' }); void _;
  return { ...base, lineItems: Array.from({ length: 50 }, (_, i) => ({ name: `i${i}`, description: 'x', eccn: eccns[(k + i) % eccns.length]!, kind: 'HARDWARE' as const, quantity: 1, unitValueUsd: 1, biometric: i % 3 === 0 ? face({ liveVideo: i % 2 === 0 }) : null })) }; };
const apps = Array.from({ length: 100 }, (_, k) => mk(k));
for (let i = 0; i < 20; i++) screen(apps[i]!, rs);
const t: number[] = [];
for (const a of apps) { const t0 = performance.now(); screen(a, rs); t.push(performance.now() - t0); }
t.sort((a, b) => a - b);
console.log('p50', t[50]!.toFixed(2), 'p99', t[98]!.toFixed(2), 'findings', screen(apps[0]!, rs).findings.length);
import { screenParties, screenProduct } from './lib/screening';
{
  const a = apps[0]!;
  let t0 = performance.now(); for (let i = 0; i < 50; i++) screenParties(a, rs); const tp = (performance.now() - t0) / 50;
  t0 = performance.now(); for (let i = 0; i < 50; i++) for (const p of a.lineItems) screenProduct(p, a, rs); const ti = (performance.now() - t0) / 50;
  t0 = performance.now(); for (let i = 0; i < 50; i++) screen(a, rs); const ts = (performance.now() - t0) / 50;
  console.log({ parties: tp.toFixed(2), items: ti.toFixed(2), screen: ts.toFixed(2) });
}
import { ITEM_RULES } from './lib/screening/rules';
{
  const a = apps[0]!;
  for (const def of ITEM_RULES) {
    const rule = rs.rules.get(def.id); if (!rule) continue;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) for (const product of a.lineItems) def.check({ product, app: a, rs, rule, params: rule.params });
    console.log(def.id, ((performance.now() - t0) / 20).toFixed(2));
  }
}
