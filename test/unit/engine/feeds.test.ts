// Feeds and platform verbs (engine/society/feeds.ts, engine/phases/act/verbs.ts, llm/offline/platform.ts):
// the ranking is the declared mix, a like counts once, follows and replies reach the author's
// memories and the tie network, and examples/forum runs on its feed and resumes to the same trace.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FeedBoard } from '../../../src/core/engine/society/feeds';
import type { Feed } from '../../../src/core/format/model/mechanics';
import { loadScenarioFile } from '../../../src/core/format/project/load';
import type { Scenario } from '../../../src/core/format/model/model';
import { traceOf } from './traceHelpers';
import { runInto } from './resumeHelper';
import { scratchDir } from '../../support/scratch';
import * as fs from 'node:fs';
import { Simulation } from '../../../src/core/engine/kernel/simulation';
import { worldState } from '../../../src/core/debug/inspect';
import type { Lazy } from '../../../src/core/debug/lazy';

const feed = (rank: Partial<Feed['rank']>, shows = 3, keep = 5): Feed => ({
  name: 'board',
  rank: { recency: 0, likes: 0, replies: 0, ties: 0, follows: 0, ...rank },
  shows,
  keep,
});

describe('feed ranking', () => {
  it('recency: newest first; own posts left out; `shows` of them', () => {
    const b = new FeedBoard([feed({ recency: 1 })]);
    for (let r = 1; r <= 5; r++) b.add('board', r === 3 ? 'me' : `a${r}`, r, `post ${r}`);
    const ids = b.ranked('board', 'me', 5, () => 0).map((p) => p.text);
    assert.deepEqual(ids, ['post 5', 'post 4', 'post 2']);
  });

  it('likes and replies, relative to the most on the feed; a like counts once per reader', () => {
    const b = new FeedBoard([feed({ likes: 1, replies: 0.5 })]);
    const quiet = b.add('board', 'a', 1, 'quiet');
    const liked = b.add('board', 'b', 1, 'liked');
    const argued = b.add('board', 'c', 1, 'argued');
    assert.equal(b.like('x', liked.id), true);
    assert.equal(b.like('x', liked.id), false, 'the same reader again');
    b.like('y', liked.id);
    b.add('board', 'd', 1, 'reply', argued.id);
    assert.equal(liked.likes, 2);
    assert.equal(argued.replies, 1);
    const order = b.ranked('board', 'z', 1, () => 0).map((p) => p.text);
    assert.deepEqual(order.slice(0, 2), ['liked', 'argued']);
    assert.ok(!order.slice(0, 2).includes('quiet'));
    assert.equal(quiet.likes, 0);
  });

  it('ties and follows: the reader sees the people it knows first', () => {
    const b = new FeedBoard([feed({ recency: 0.1, ties: 1, follows: 1 }, 4)]);
    b.add('board', 'stranger', 2, 'new, from a stranger');
    b.add('board', 'friend', 1, 'from a friend');
    b.add('board', 'followed', 1, 'from someone followed');
    b.follow('me', 'followed');
    const order = b.ranked('board', 'me', 2, (a) => (a === 'friend' ? 0.8 : 0)).map((p) => p.author);
    assert.deepEqual(order, ['followed', 'friend', 'stranger']);
    assert.equal(b.follow('me', 'followed'), false, 'no second follow');
    assert.equal(b.follow('me', 'me'), false, 'nobody follows themself');
  });

  it('posts older than `keep` drop off, and a checkpoint restores the board exactly', () => {
    const b = new FeedBoard([feed({ recency: 1 }, 10, 2)]);
    b.add('board', 'a', 1, 'old');
    b.add('board', 'a', 3, 'new');
    b.follow('x', 'a');
    b.like('x', 'p2');
    assert.deepEqual(
      b.ranked('board', 'x', 3, () => 0).map((p) => p.text),
      ['new'],
    );
    b.prune(3);
    assert.equal(b.get('p1'), undefined);
    const copy = FeedBoard.fromJSON([feed({ recency: 1 }, 10, 2)], JSON.parse(JSON.stringify(b.toJSON())));
    assert.deepEqual(copy.toJSON(), b.toJSON());
    assert.equal(copy.add('board', 'b', 4, 'next').id, 'p3', 'ids go on where they stopped');
  });
});

async function forum(): Promise<Scenario> {
  const file = path.join(__dirname, '../../../examples/forum/forum.society');
  const { scenario, diagnostics } = await loadScenarioFile(file);
  assert.ok(scenario, diagnostics.map((d) => d.message).join('\n'));
  return scenario;
}

type Line = Record<string, any>;

describe('examples/forum on a feed', function () {
  let events: Line[] = [];
  before(async () => {
    events = (await traceOf(await forum(), { rounds: 8 }))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
  });

  it('posts, replies, likes and follows are all in the trace, in the browse phase', () => {
    const actions = events.filter((e) => e.type === 'action');
    const byName = new Set(actions.map((e) => e.action));
    for (const a of ['post', 'reply', 'like', 'follow']) assert.ok(byName.has(a), `${a} taken`);
    assert.ok(actions.every((e) => e.phase === 'browse'));
    const posts = actions.filter((e) => e.post);
    assert.ok(posts.every((e) => typeof e.post.text === 'string' && e.post.text.length > 10));
    const ids = new Set(posts.map((e) => e.post.id));
    for (const r of actions.filter((e) => e.action === 'reply')) {
      assert.ok(ids.has(r.post.reply_to), 'replies to a post');
    }
    for (const l of actions.filter((e) => e.liked)) assert.ok(ids.has(l.liked));
  });

  it('a reply answers a post written earlier, by someone else', () => {
    const byId = new Map(events.filter((e) => e.post).map((e) => [e.post.id, e]));
    for (const r of events.filter((e) => e.action === 'reply')) {
      const parent = byId.get(r.post.reply_to)!;
      assert.notEqual(parent.agent, r.agent);
      assert.ok(parent.round <= r.round);
    }
  });

  it('replies, likes and follows move ties (tie events caused by actions) and reach the author', () => {
    const moved = events.filter((e) => e.type === 'tie' && e.cause === 'action');
    assert.ok(moved.length > 20, `${moved.length} tie changes from actions`);
    const follow = events.find((e) => e.action === 'follow' && e.followed)!;
    assert.ok(follow, 'a follow');
    const told = events.find(
      (e) => e.type === 'memory' && e.agent === follow.followed && /started following me/.test(e.memory?.text ?? ''),
    );
    assert.ok(told, 'the followed agent remembers it');
  });

  it('messages still flow after the forum: meet, evaluate and learn follow the browse phase', () => {
    const round2 = events.filter((e) => e.round === 2);
    const firstMessage = round2.findIndex((e) => e.type === 'message');
    const lastAction = round2.map((e) => e.type).lastIndexOf('action');
    assert.ok(firstMessage > lastAction, 'the chats come after the forum');
  });

  it('resumes from a checkpoint mid-run to the uninterrupted trace (posts, likes and follows restored)', async () => {
    const sc = { ...(await forum()), world: { ...(await forum()).world, rounds: 6 } };
    const whole = await runInto(scratchDir('society-forum-whole-'), sc);
    const dir = scratchDir('society-forum-resume-');
    await runInto(dir, sc, { stopAfter: 3 });
    const cp = JSON.parse(fs.readFileSync(path.join(dir, 'checkpoint.json'), 'utf8'));
    assert.ok(cp.world_state.feeds.posts.length > 0, 'the checkpoint holds the posts');
    assert.equal(await runInto(dir, sc, { resume: true }), whole);
  });

  it("the debugger's World scope lists each feed's posts, newest first, and the follows", async () => {
    const sim = Simulation.create({ ...(await forum()), world: { ...(await forum()).world, rounds: 2 } });
    await sim.run();
    const feeds = worldState(sim).feeds as Record<string, unknown>;
    const forumPosts = feeds.forum as Lazy;
    assert.match(forumPosts.summary, /^\d+ posts?$/);
    const posts = forumPosts.get() as Record<string, { round: number; text: string; author: string }>;
    const ids = Object.keys(posts);
    assert.equal(ids.length, Number(forumPosts.summary.split(' ')[0]));
    assert.ok(Number(ids[0].slice(1)) > Number(ids[ids.length - 1].slice(1)), 'newest first');
    assert.ok(Object.values(posts).every((p) => p.text.length > 0 && p.author));
    assert.equal(typeof feeds.follows, 'number');
  });
});
