import * as assert from 'node:assert/strict';
import { indefiniteArticle, withArticle } from '../../../src/core/text/article';

describe('indefinite article', () => {
  const cases: Array<[string, 'a' | 'an']> = [
    ['pastry chef', 'a'],
    ['emergency department nurse', 'an'],
    ['indie game developer', 'an'],
    ['UX researcher at a health-tech startup', 'a'],
    ['MBA student', 'an'],
    ['NGO worker', 'an'],
    ['FBI agent', 'an'],
    ['RN', 'an'],
    ['ICU nurse', 'an'],
    ['PhD candidate', 'a'],
    ['NASA engineer', 'a'],
    ['HR manager', 'an'],
    ['university lecturer', 'a'],
    ['user researcher', 'a'],
    ['urologist', 'a'],
    ['urban planner', 'an'],
    ['uninsured freelancer', 'an'],
    ['umpire', 'an'],
    ['utility worker', 'a'],
    ['European diplomat', 'a'],
    ['one-time champion', 'a'],
    ['honest broker', 'an'],
    ['hourly worker', 'an'],
    ['historian', 'a'],
    ['8th-grade teacher', 'an'],
    ['18-year-old student', 'an'],
    ['110-metre hurdler', 'a'],
    ['3D artist', 'a'],
    ['Über driver', 'a'],
    ['Ärztin', 'a'],
  ];
  for (const [phrase, expected] of cases) {
    it(`says "${expected} ${phrase}"`, () => assert.equal(indefiniteArticle(phrase), expected));
  }

  it('leaves a phrase that has its determiner, or starts with no letter or digit, as written', () => {
    assert.equal(withArticle('the night manager'), 'the night manager');
    assert.equal(withArticle('my own boss'), 'my own boss');
    assert.equal(withArticle('"consultant"'), '"consultant"');
    assert.equal(withArticle('another kind of chef'), 'another kind of chef');
    assert.equal(withArticle('one of the founders'), 'one of the founders');
    assert.equal(withArticle('anaesthetist'), 'an anaesthetist');
    assert.equal(withArticle('integer'), 'an integer');
  });
});
