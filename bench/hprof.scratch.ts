import { Session } from 'node:inspector';
import fs from 'node:fs';
import { generateRuleFile } from './generate.js';
import { buildDocument } from '../packages/language/src/index.js';
const text = generateRuleFile(1.2 * 1024 * 1024);
buildDocument('b.award', text, { references: false });
const s = new Session(); s.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => s.post(m, p, (e, r) => e ? rej(e) : res(r)));
await post('HeapProfiler.enable');
await post('HeapProfiler.startSampling', { samplingInterval: 2048, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
for (let i = 0; i < 5; i++) buildDocument('b.award', text, { references: false });
const { profile } = await post('HeapProfiler.stopSampling');
const by = new Map<string, number>(); let total = 0;
const byFile = new Map<string, number>();
const parents = new Map<string, number>();
const walk = (n: any, stack: string[]) => {
  const k = n.callFrame.functionName + ':' + n.callFrame.lineNumber;
  by.set(k, (by.get(k) ?? 0) + n.selfSize); total += n.selfSize;
  if (['next', 'set', 'Map', 'Set', 'push', 'join', 'sort'].includes(n.callFrame.functionName) && n.selfSize > 0) { const pk = n.callFrame.functionName + ' <- ' + stack.slice(-2).join(' <- '); parents.set(pk, (parents.get(pk) ?? 0) + n.selfSize); }
  n.children.forEach((c: any) => walk(c, [...stack, k]));
};
walk(profile.head, []);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((v / total * 100).toFixed(1).padStart(5), (v / 5 / 1e6).toFixed(1).padStart(5), 'MB', k);
for (const [k, v] of [...parents].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 5 / 1e6).toFixed(2).padStart(5), 'MB', k);
console.log('total MB per build', (total / 5 / 1e6).toFixed(1));
