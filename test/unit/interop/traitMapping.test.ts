// Big Five levels (TinyTroupe's words, numbers on several scales) and MBTI types → trait numbers.
import assert from 'node:assert/strict';
import {
  describesBeyondLevel,
  traitFromNumber,
  traitFromText,
  traitLevel,
} from '../../../src/core/interop/bigFiveLevels';
import { traitsFromMbti } from '../../../src/core/interop/mbti';

describe('Big Five levels', () => {
  it('reads TinyTroupe level words from the first sentence', () => {
    assert.equal(traitFromText('High. Very imaginative and curious.'), 0.75);
    assert.equal(traitFromText('Very High. Rigorous, organized.'), 0.9);
    assert.equal(traitFromText('Medium-High. Open to new processes; more conservative on tools.'), 0.63);
    assert.equal(traitFromText('Medium. Friendly but enjoys quiet work.'), 0.5);
    assert.equal(traitFromText('Low. Generally calm and composed.'), 0.25);
    assert.equal(traitFromText('very low'), 0.1);
    assert.equal(traitFromText('Low to moderate'), 0.38);
    assert.equal(traitFromText('Above average'), 0.75);
  });

  it('does not read levels out of later sentences', () => {
    assert.equal(traitFromText('Somewhat agreeable. High standards for others.'), undefined);
    assert.equal(traitFromText(''), undefined);
  });

  it('reads numbers on 0..1, 1..5 and 0..100', () => {
    assert.equal(traitFromNumber(0.42), 0.42);
    assert.equal(traitFromNumber(4), 0.75);
    assert.equal(traitFromNumber(80), 0.8);
    assert.equal(traitFromNumber(-1), undefined);
    assert.equal(traitFromNumber(250), undefined);
    assert.equal(traitFromText('80%'), 0.8);
    assert.equal(traitFromText('4/5'), 0.75);
    // A written-out scale leaves no doubt: "1/5" is the lowest Likert level, never 1 on 0..1.
    assert.equal(traitFromText('1/5'), 0);
    assert.equal(traitFromText('1 / 5'), 0);
    assert.equal(traitFromText('5/5'), 1);
    assert.equal(traitFromText('0/5'), undefined, 'no Likert level 0');
    assert.equal(traitFromText('7/10'), 0.7);
    assert.equal(traitFromText('1/100'), 0.01);
    assert.equal(traitFromText('1%'), 0.01);
    assert.equal(traitFromText('120%'), undefined);
    assert.equal(traitFromText('0.3'), 0.3);
    assert.equal(traitLevel(true), undefined);
  });
});

describe('Big Five descriptions', () => {
  it('tells a description after the level from a bare level or number', () => {
    for (const text of [
      'High. Very imaginative and curious.',
      'Low to moderate; gets anxious before concerts',
      '0.5. Pretty balanced.',
      'High: curious',
    ]) {
      assert.ok(describesBeyondLevel(text), text);
    }
    for (const text of ['0.2', '0.75.', 'Medium-High', 'very high', '7/10', '85%', '4.5 ']) {
      assert.ok(!describesBeyondLevel(text), text);
    }
  });
});

describe('MBTI types', () => {
  it('maps each letter to the pole of its Big Five correlate', () => {
    assert.deepEqual(traitsFromMbti('ENTP'), {
      extraversion: 0.7,
      openness: 0.7,
      agreeableness: 0.35,
      conscientiousness: 0.3,
    });
    assert.deepEqual(traitsFromMbti('isfj'), {
      extraversion: 0.3,
      openness: 0.3,
      agreeableness: 0.65,
      conscientiousness: 0.7,
    });
  });

  it('reads the assertive/turbulent suffix as neuroticism', () => {
    assert.equal(traitsFromMbti('INFJ-T')?.neuroticism, 0.7);
    assert.equal(traitsFromMbti('ESTP-A')?.neuroticism, 0.3);
    assert.equal(traitsFromMbti('ESTP')?.neuroticism, undefined);
  });

  it('rejects what is not a type', () => {
    for (const bad of ['XYZW', 'ENT', 'ENTPS', '', 'E N T P']) assert.equal(traitsFromMbti(bad), undefined, bad);
  });
});
