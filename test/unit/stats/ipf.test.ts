// IPF against numpy raking, and the truncate-replicate-sample bound on the integer counts.
import assert from 'node:assert/strict';
import { integerise, ipf, margins, matchMargins, wholeTargets } from '../../../src/core/stats/ipf';
import { stream } from '../../../src/core/random/rng';

/** Every cell of a grid of `sizes`, the last attribute fastest (numpy's C order). */
function grid(sizes: number[]): number[][] {
  let out: number[][] = [[]];
  for (const n of sizes) out = out.flatMap((c) => Array.from({ length: n }, (_, k) => [...c, k]));
  return out;
}

const close = (got: number[], want: number[], tol: number): void =>
  got.forEach((g, i) => assert.ok(Math.abs(g - want[i]) < tol, `cell ${i}: ${g} vs ${want[i]}`));

describe('stats/ipf', () => {
  it('fits a 3×3 seed to its row and column totals as numpy does', () => {
    const cells = grid([3, 3]);
    const seed = [10, 5, 2, 3, 8, 4, 1, 2, 9];
    const targets = [
      [50, 30, 20],
      [25, 40, 35],
    ];
    const fit = ipf(seed, cells, targets);
    assert.ok(fit.converged);
    // python3 -c "import numpy as np; s=np.array([[10,5,2],[3,8,4],[1,2,9]],float); r=np.array([50,30,20.]); c=np.array([25,40,35.])
    //   for _ in range(1000): s*=(r/s.sum(1))[:,None]; s*=(c/s.sum(0))[None,:]
    //   print(s.round(12).tolist())"
    const numpy = [
      20.866483958744, 19.954170991155, 9.179345050101, 3.321201340473, 16.938632517071, 9.740166142456, 0.812314700784,
      3.107196491773, 16.080488807443,
    ];
    close(fit.weights, numpy, 1e-9);
    const m = margins(fit.weights, cells, [3, 3]);
    m.forEach((row, a) => close(row, targets[a], 1e-9));
  });

  it('fits three attributes (2×3×2) with an uneven seed as numpy does', () => {
    const cells = grid([2, 3, 2]);
    const seed = cells.map(() => 1);
    seed[2] = 4; // [0,1,0]
    seed[11] = 0.5; // [1,2,1]
    const targets = [
      [600, 400],
      [300, 500, 200],
      [450, 550],
    ];
    const fit = ipf(seed, cells, targets);
    // python3 -c "import numpy as np; s=np.ones((2,3,2)); s[0,1,0]=4; s[1,2,1]=0.5
    //   m=[np.array([600,400.]),np.array([300,500,200.]),np.array([450,550.])]
    //   for _ in range(1000):
    //     for a in range(3): ax=tuple(i for i in range(3) if i!=a); sh=[1,1,1]; sh[a]=-1; s*=(m[a]/s.sum(axis=ax)).reshape(sh)
    //   print(s.round(12).ravel().tolist())"
    const numpy = [
      48.705479610946, 100.521861723773, 218.353216206838, 112.663256690076, 39.086553523344, 80.669632245023,
      49.209847115338, 101.562811549943, 55.153590892195, 113.829936210891, 39.491312651339, 40.752501580295,
    ];
    close(fit.weights, numpy, 1e-9);
    margins(fit.weights, cells, [2, 3, 2]).forEach((row, a) => close(row, targets[a], 1e-9));
  });

  it('leaves a category with no seed support at zero and says it did not converge', () => {
    const cells = grid([2, 2]);
    const fit = ipf([1, 0, 1, 0], cells, [
      [5, 5],
      [5, 5],
    ]);
    assert.equal(fit.converged, false);
    assert.equal(fit.weights[1], 0);
    assert.ok(fit.maxError >= 5 - 1e-9);
  });

  it('integerises to the total, each cell within one agent of its expected count', () => {
    const cells = grid([2, 3, 2]);
    const targets = [
      [600, 400],
      [300, 500, 200],
      [450, 550],
    ];
    const fit = ipf(
      cells.map((_, i) => 1 + (i % 5)),
      cells,
      targets,
    );
    for (const total of [1000, 333, 7]) {
      const rng = stream(42, 'ipf-test', total);
      const counts = integerise(fit.weights, total, () => rng.next());
      assert.equal(
        counts.reduce((s, n) => s + n, 0),
        total,
      );
      counts.forEach((n, c) => {
        const expected = (fit.weights[c] * total) / 1000;
        assert.ok(Math.abs(n - expected) < 1, `cell ${c}: ${n} vs ${expected}`);
      });
      // Each margin is off by less than the number of its cells (each rounded at most one way).
      const m = margins(counts, cells, [2, 3, 2]);
      m.forEach((row, a) =>
        row.forEach((n, k) => {
          const want = (targets[a][k] * total) / 1000;
          const cellsIn = cells.filter((c) => c[a] === k).length;
          assert.ok(Math.abs(n - want) < cellsIn, `margin ${a}/${k}: ${n} vs ${want}`);
        }),
      );
    }
  });

  it('draws the same counts from the same seed', () => {
    const w = [0.3, 1.7, 2.2, 0.8];
    const a = stream(1, 'x');
    const b = stream(1, 'x');
    assert.deepEqual(
      integerise(w, 9, () => a.next()),
      integerise(w, 9, () => b.next()),
    );
  });

  it('rounds targets by largest remainder and matches every margin exactly where twins allow', () => {
    assert.deepEqual(wholeTargets([1, 1, 1], 10), [4, 3, 3]);
    assert.deepEqual(wholeTargets([0.2, 0.5, 0.3], 7), [1, 4, 2]);
    const sizes = [6, 2, 10, 4];
    const cells = grid(sizes);
    const seed = cells.map((_, i) => 0.5 + ((i * 7919) % 13));
    const shares = [
      [0.108, 0.166, 0.16, 0.172, 0.158, 0.236],
      [0.514, 0.486],
      [0.094, 0.196, 0.128, 0.098, 0.092, 0.082, 0.07, 0.054, 0.09, 0.096],
      [0.28, 0.25, 0.31, 0.16],
    ];
    const total = 1000;
    const fit = ipf(
      seed,
      cells,
      shares.map((s) => s.map((x) => x * total)),
    );
    const rng = stream(7, 'match');
    const rough = integerise(fit.weights, total, () => rng.next());
    const whole = shares.map((s) => wholeTargets(s, total));
    const matched = matchMargins(rough, fit.weights, cells, whole);
    assert.equal(
      matched.reduce((s, n) => s + n, 0),
      total,
    );
    assert.deepEqual(margins(matched, cells, sizes), whole);
    // Cells stay near the fit: none moves by more than two agents from its expected count.
    matched.forEach((n, c) => assert.ok(Math.abs(n - fit.weights[c]) < 2.5, `cell ${c}`));
  });
});
