import * as fs from 'node:fs';
import { forceCenter, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { seededRandom } from '../src/core/analysis/seededRandom';
const N = 10000; const ids = Array.from({ length: N }, (_, i) => 'a' + (i + 1));
const links0 = fs.readFileSync('/tmp/big/rep3/ties.csv', 'utf8').trim().split('\n').slice(1).map((l) => { const [s, t] = l.split(','); return { source: s, target: t }; });
for (const [theta, ticks] of [[0.9, 60], [1.5, 60], [2, 60], [0.9, 30]] as const) {
  const rng = seededRandom(1); const spread = 10 * Math.sqrt(N + 1);
  const nodes = ids.map((id) => ({ id, x: (rng() - 0.5) * spread, y: (rng() - 0.5) * spread } as any));
  const links = links0.map((l) => ({ ...l }));
  const t = performance.now();
  const sim = forceSimulation(nodes).randomSource(rng).force('link', forceLink(links).id((d: any) => d.id).distance(40)).force('charge', forceManyBody().strength(-60).theta(theta))
    .force('x', forceX(0).strength(0.05)).force('y', forceY(0).strength(0.05)).force('center', forceCenter(0, 0)).stop();
  sim.tick(ticks);
  const xs = nodes.map((n: any) => n.x); 
  console.log(theta, ticks, (performance.now() - t).toFixed(0), 'ms', 'spanX', (Math.max(...xs) - Math.min(...xs)).toFixed(0));
}
