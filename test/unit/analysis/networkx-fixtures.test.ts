// Every metric of every NetworkX reference fixture must agree: values to 1e-9, counts exactly,
// null exactly.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { graphFromFixture, readGraphFixture } from '../../../src/core/analysis/metrics/graphFixture';
import { COUNT_METRICS, computeNetworkMetrics } from '../../../src/core/analysis/metrics/networkMetrics';
import { graphFixturesDir } from './sharedFixtures';

const dir = graphFixturesDir();
const files = readdirSync(dir)
  .filter((f) => /^graph-.*\.json$/.test(f))
  .sort();

describe('network metrics agree with NetworkX fixtures', () => {
  it('finds the fixtures', () => {
    assert.ok(files.length >= 1, `no graph-*.json in ${dir}`);
  });

  for (const file of files) {
    describe(file, () => {
      const fixture = readGraphFixture(path.join(dir, file));
      const expected = fixture.expected ?? {};
      const metrics = computeNetworkMetrics(graphFromFixture(fixture, file)) as unknown as Record<string, unknown>;

      it('has an expected block', () => {
        assert.ok(Object.keys(expected).length > 0);
      });

      for (const [key, want] of Object.entries(expected)) {
        it(key, () => {
          assert.ok(key in metrics, `metric '${key}' is not computed`);
          const got = metrics[key];
          if (want === null || COUNT_METRICS.includes(key)) {
            assert.strictEqual(got, want);
          } else {
            assert.equal(typeof got, 'number', `${key} is ${got}`);
            assert.ok(Math.abs((got as number) - want) <= 1e-9, `${key}: expected ${want}, got ${got}`);
          }
        });
      }
    });
  }
});
