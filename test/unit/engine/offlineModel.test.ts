import * as assert from 'node:assert/strict';
import { OfflineModel } from '../../../src/core/llm/offline';
import {
  personaBrief,
  type ChoosePartnerRequest,
  type EvaluateRequest,
  type RetrievedMemory,
  type SpeakRequest,
  type AdviseRequest,
} from '../../../src/core/llm/types';
import {
  computeRewards,
  emptyWindow,
  recordConversation,
  recordRating,
} from '../../../src/core/engine/society/rewards';
import { makePersona } from './scenarioFixture';
import { tokenIds } from '../../../src/core/engine/memory/tokens';
import { DRIVERS, type Driver } from '../../../src/core/format/model/model';

const model = new OfflineModel('default', 1);
const me = personaBrief({ ...makePersona(0), interests: ['jazz', 'chess', 'film'] });
const you = personaBrief({ ...makePersona(1), interests: ['climbing', 'jazz', 'poetry'] });
const advice = (action: RetrievedMemory['cues'] & object, importance = 8): RetrievedMemory => ({
  id: 9,
  round: 1,
  kind: 'advice',
  text: 'Coach: ...',
  importance,
  score: 2,
  cues: action,
});
const base = { round: 2, setting: 'forum' };

describe('offline rule-based model', () => {
  it('says it is not an LLM and reports zero usage', async () => {
    assert.match(model.label, /offline rule-based model \(not an LLM\)/);
    const r = await model.decide({
      kind: 'interview',
      key: 'i',
      ...base,
      persona: me,
      memories: [],
      question: 'How are you?',
    });
    assert.deepEqual([r.usage.input_tokens, r.usage.output_tokens, r.usage.cost_usd], [0, 0, 0]);
  });

  it('asks more questions when it remembers advice to ask', () => {
    const count = (memories: RetrievedMemory[]): number => {
      let asks = 0;
      for (let k = 0; k < 400; k++) {
        const req: SpeakRequest = {
          kind: 'speak',
          key: `s${k}`,
          ...base,
          persona: me,
          memories,
          others: [you],
          transcript: [{ from: you.id, name: you.name, act: 'greet', text: 'Hi' }],
          turn: 1,
          turns: 4,
          tie: 0,
        };
        if (model.decideNow(req).act === 'ask') asks++;
      }
      return asks;
    };
    const without = count([]),
      withAdvice = count([advice({ action: 'ask' })]);
    assert.ok(withAdvice > without * 1.5, `asks without ${without}, with advice ${withAdvice}`);
  });

  it('answers questions and prefers candidates it was advised to look up', () => {
    const ans = model.decideNow({
      kind: 'speak',
      key: 'a',
      ...base,
      persona: me,
      memories: [],
      others: [you],
      transcript: [{ from: you.id, name: you.name, act: 'ask', text: '?', topic: 'chess' }],
      turn: 1,
      turns: 4,
      tie: 0,
    });
    assert.equal(ans.act, 'answer');
    assert.equal(ans.topic, 'chess');
    const cand = (id: string) => ({
      id,
      name: id,
      interests: [],
      shared_interests: [],
      similarity: 0,
      tie: 0,
      met: 1,
      popularity: 0,
      via: 'recommend' as const,
    });
    const choose = (memories: RetrievedMemory[]): number => {
      let hits = 0;
      for (let k = 0; k < 300; k++) {
        const req: ChoosePartnerRequest = {
          kind: 'choose_partner',
          key: `c${k}`,
          ...base,
          persona: me,
          memories,
          candidates: [cand('a'), cand('b'), cand('c')],
        };
        if (model.decideNow(req).choice === 'b') hits++;
      }
      return hits;
    };
    assert.ok(choose([advice({ action: 'reciprocate', partner: 'b' })]) > choose([]) + 60);
  });

  it('rates attentive, supportive partners higher than partners who talk past it', () => {
    const req = (transcript: EvaluateRequest['transcript']): EvaluateRequest => ({
      kind: 'evaluate',
      key: 'e',
      ...base,
      persona: me,
      memories: [],
      partner: you,
      transcript,
      initiated_by: me.id,
      met_before: 0,
      tie: 0,
    });
    const attentive = model.decideNow(
      req([
        { from: me.id, name: 'me', act: 'greet', text: '', topic: 'jazz' },
        { from: you.id, name: 'you', act: 'ask', text: '', topic: 'chess' },
        { from: me.id, name: 'me', act: 'answer', text: '', topic: 'chess' },
        { from: you.id, name: 'you', act: 'support', text: '', topic: 'chess' },
      ]),
    );
    const pastMe = model.decideNow(
      req([
        { from: me.id, name: 'me', act: 'greet', text: '', topic: 'jazz' },
        { from: you.id, name: 'you', act: 'disclose', text: '', topic: 'poetry' },
        { from: me.id, name: 'me', act: 'ask', text: '', topic: 'poetry' },
        { from: you.id, name: 'you', act: 'share', text: '', topic: 'climbing' },
      ]),
    );
    assert.ok(attentive.reasons.reciprocity > pastMe.reasons.reciprocity);
    assert.ok(attentive.rating > pastMe.rating);
  });

  it('credits being sought out without penalising the one who reached out', () => {
    // I reach out; you answer my greeting with something about yourself (not a reply), then answer my question.
    const transcript: EvaluateRequest['transcript'] = [
      { from: me.id, name: 'me', act: 'greet', text: '', topic: 'jazz' },
      { from: you.id, name: 'you', act: 'disclose', text: '', topic: 'poetry' },
      { from: me.id, name: 'me', act: 'ask', text: '', topic: 'poetry' },
      { from: you.id, name: 'you', act: 'answer', text: '', topic: 'poetry' },
    ];
    const rate = (rater: typeof me, partner: typeof me) =>
      model.decideNow({
        kind: 'evaluate',
        key: `e:${rater.id}`,
        ...base,
        persona: rater,
        memories: [],
        partner,
        transcript,
        initiated_by: me.id,
        met_before: 0,
        tie: 0,
      });
    // You attended to me in one message of two; as the one who reached out I go by that alone
    // (0.6·½ + 0.4·½), not by "you did not start it" (0.6·½ + 0).
    assert.equal(rate(me, you).reasons.reciprocity, 0.5);
    // I greeted you and followed up your topic; you were sought out: 0.6·1 + 0.4·1.
    assert.equal(rate(you, me).reasons.reciprocity, 1);
  });

  it('in a room, puts a question to the next speaker about their interest, and only its owner answers it', () => {
    // Members speak in turn: me (turn 0), you, them. My questions go to you; yours would go to them.
    const them = personaBrief({ ...makePersona(2), interests: ['birding'] });
    const room = { name: 'lounge' };
    const asked = new Set<string>();
    for (let k = 0; k < 200; k++) {
      const r = model.decideNow({
        kind: 'speak',
        key: `room${k}`,
        ...base,
        persona: me,
        memories: [advice({ action: 'ask' }, 10)],
        others: [you, them],
        room,
        transcript: [],
        turn: 0,
        turns: 6,
        tie: 0,
      });
      if (r.act !== 'ask') continue;
      assert.ok(you.interests.includes(r.topic!), `asked about ${r.topic}, not one of ${you.interests.join(', ')}`);
      asked.add(r.text);
    }
    assert.ok(
      [...asked].some((t) => t.startsWith('What got you into') && t.endsWith(`, ${you.name.split(' ')[0]}?`)),
      [...asked].join('\n'),
    );
    // Someone else's question about birding (theirs) is not mine to answer; about chess (mine) it is.
    const line = (topic: string) => ({ from: them.id, name: them.name, act: 'ask' as const, text: '?', topic });
    const reply = (topic: string, k: number) =>
      model.decideNow({
        kind: 'speak',
        key: `r${topic}${k}`,
        ...base,
        persona: me,
        memories: [],
        others: [you, them],
        room,
        transcript: [line(topic)],
        turn: 3,
        turns: 6,
        tie: 0,
      });
    for (let k = 0; k < 20; k++) {
      assert.notEqual(reply('birding', k).act, 'answer');
      assert.equal(reply('chess', k).act, 'answer');
    }
  });

  it('the coach advises on the largest weighted shortfall', () => {
    const w = emptyWindow();
    recordConversation(
      w,
      [
        { from: 'x', act: 'greet', text: '' },
        { from: me.id, act: 'share', text: '', topic: 'jazz' },
      ],
      me.id,
      me.interests,
    );
    recordRating(w, 0.7);
    const r = computeRewards(
      w,
      { social: 1, information: 1, presentation: 1, coordination: 1, support: 1 },
      me.motivations,
    );
    const req: AdviseRequest = {
      kind: 'advise',
      key: 'ad',
      ...base,
      persona: me,
      memories: [],
      rewards: { raw: r.raw, total: r.total, basis: r.basis },
      weights: { social: 0.1, information: 0.9, presentation: 0.1, coordination: 0.1, support: 0.1 },
      warm_contacts: [],
    };
    const a = model.decideNow(req);
    assert.equal(a.driver, 'information');
    assert.equal(a.action, 'ask');
    assert.match(a.text, /You asked no questions; ask others/);
  });

  it('words counts in good English without changing what the advice is recalled for', () => {
    // The coach's advice becomes a memory, and relevance counts its content words: every wording of
    // a count must keep them (numbers and "no" are not content words), or runs would change.
    const coach = (driver: Driver, basis: Partial<ReturnType<typeof emptyWindow>['basis']>) => {
      const raw = Object.fromEntries(DRIVERS.map((d) => [d, d === driver ? 0 : 1])) as Record<Driver, number>;
      const weights = Object.fromEntries(DRIVERS.map((d) => [d, 1])) as Record<Driver, number>;
      return model.decideNow({
        kind: 'advise',
        key: 'ad',
        ...base,
        persona: me,
        memories: [],
        rewards: { raw, total: 0.5, basis: { ...emptyWindow().basis, ...basis } },
        weights,
        warm_contacts: [],
      }).text;
    };
    const words = (t: string) => tokenIds(t).length;
    const asked = [0, 1, 3].map((n) => coach('information', { questions_asked: n }));
    assert.deepEqual(
      asked.map((t) => /You asked [^;]+/.exec(t)![0]),
      ['You asked no questions', 'You asked 1 question', 'You asked 3 questions'],
    );
    const planned = [0, 1, 2].map((n) => coach('coordination', { plans_agreed: n }));
    assert.deepEqual(
      planned.map((t) => /You agreed [^;]+/.exec(t)![0]),
      ['You agreed on no plans', 'You agreed on 1 plan', 'You agreed on 2 plans'],
    );
    const shared = [
      [0, 0],
      [1, 0],
      [1, 1],
      [3, 0],
      [3, 1],
      [3, 3],
    ].map(([shares, ack]) => coach('presentation', { shares, shares_acknowledged: ack }));
    assert.deepEqual(
      shared.map((t) => /\. ([^;]+);/.exec(t)![1]),
      [
        'You got no response, as there were only 0 contributions from you',
        'Your only contribution got no response',
        'Your only contribution got a response',
        'None of your 3 contributions got a response',
        'Only 1 of your 3 contributions got a response',
        'Only 3 contributions from you, and all got a response',
      ],
    );
    for (const same of [asked, planned]) {
      assert.deepEqual(
        same.map(tokenIds),
        same.map(() => tokenIds(same[0])),
      );
    }
    assert.deepEqual(
      shared.map(words),
      shared.map(() => words(shared[0])),
    );
  });
});
