// Agreement statistics against published worked examples, each recomputed with numpy.
import * as assert from 'node:assert/strict';
import { icc21, krippendorffInterval, krippendorffOrdinal } from '../../../src/core/stats/agreement';

const _ = null;
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
// 12 units, values 1..5, missing ratings. Published: interval 0.849, ordinal 0.815.
const KRIPPENDORFF = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
  [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
];
// Shrout & Fleiss (1979), table 2: 6 targets rated by 4 judges (rows are judges here). Published ICC(2,1) = 0.29.
const SHROUT_FLEISS = [
  [9, 6, 8, 7, 10, 6],
  [2, 1, 4, 1, 5, 2],
  [5, 3, 6, 2, 6, 4],
  [8, 2, 8, 6, 9, 7],
];

describe('agreement statistics', () => {
  it("Krippendorff's alpha, interval, on Krippendorff's worked example", () => {
    // numpy: units=[[r[u] for r in d if r[u] is not None] for u in range(12)]; pairable units (>=2),
    // Do=sum(sum((a-b)**2 for i,a in enumerate(u) for j,b in enumerate(u) if i!=j)/(len(u)-1))/n,
    // De=sum((a-b)**2 over ordered pairs of pooled values)/(n*(n-1)); 1-Do/De = 0.8491071428571428
    assert.ok(Math.abs((krippendorffInterval(KRIPPENDORFF) ?? NaN) - 0.8491071428571428) < 1e-12);
  });

  it("Krippendorff's alpha, ordinal, on Krippendorff's worked example", () => {
    // the same with delta(c,k)=(sum_{g=c..k} n_g - (n_c+n_k)/2)**2 over the pooled counts n_g: 0.8153875037548813
    assert.ok(Math.abs((krippendorffOrdinal(KRIPPENDORFF) ?? NaN) - 0.8153875037548813) < 1e-12);
  });

  it('ICC(2,1) on Shrout & Fleiss table 2', () => {
    // x=np.array(SHROUT_FLEISS).T; n,k=x.shape; g=x.mean(); msr=k*((x.mean(1)-g)**2).sum()/(n-1);
    // msc=n*((x.mean(0)-g)**2).sum()/(k-1); mse=(((x-g)**2).sum()-msr*(n-1)-msc*(k-1))/((n-1)*(k-1));
    // (msr-mse)/(msr+(k-1)*mse+k*(msc-mse)/n) = 0.2897637795275592
    assert.ok(Math.abs((icc21(SHROUT_FLEISS) ?? NaN) - 0.2897637795275592) < 1e-12);
  });

  it('perfect agreement is 1; no variance or too few units is null', () => {
    assert.equal(
      krippendorffInterval([
        [1, 2, 3],
        [1, 2, 3],
      ]),
      1,
    );
    assert.equal(
      icc21([
        [1, 2, 3],
        [1, 2, 3],
      ]),
      1,
    );
    assert.equal(
      krippendorffInterval([
        [2, 2],
        [2, 2],
      ]),
      null,
    );
    assert.equal(
      krippendorffInterval([
        [1, _],
        [_, 2],
      ]),
      null,
    );
    assert.equal(icc21([[1], [1]]), null);
  });
});
