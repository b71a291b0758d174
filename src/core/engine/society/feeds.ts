// The posts on a scenario's feeds and who follows whom (issue 34's platforms). A post is written
// by an action that `post:`s; every reader gets each feed ranked by the feed's declared mix of
// signals (recency, likes, replies, its tie to the author, whether it follows the author) and
// reads the top `shows` posts before choosing what to do. Ranking is deterministic: equal scores
// go newest first, then by id. Posts older than `keep` rounds drop off.
import type { Feed } from '../../format';
import type { SeenPost } from '../../llm/types';
import { maxOf } from '../../stats/extremes';

/**
 * The author of a seeded post that names none (`events: - { at, post: { feed, text } }`): the
 * platform itself, shown as News. No persona id can be it, so nobody follows it or holds a tie to it.
 */
export const NEWS_AUTHOR = '@news';
export const NEWS_NAME = 'News';

export interface Post {
  id: string;
  feed: string;
  author: string;
  round: number;
  text: string;
  reply_to?: string;
  likes: number;
  replies: number;
}

export interface FeedBoardJSON {
  posts: Post[];
  follows: [string, string[]][];
  liked: [string, string[]][];
  next: number;
}

export class FeedBoard {
  private posts: Post[] = [];
  private readonly byId = new Map<string, Post>();
  /** follower → followed. */
  private readonly follows = new Map<string, Set<string>>();
  /** reader → posts it liked (nobody likes one post twice). */
  private readonly liked = new Map<string, Set<string>>();
  private next = 1;
  readonly feeds: ReadonlyMap<string, Feed>;

  constructor(feeds: readonly Feed[]) {
    this.feeds = new Map(feeds.map((f) => [f.name, f]));
  }

  /** The posts still on a feed, oldest first. */
  postsOn(feed: string): readonly Post[] {
    return this.posts.filter((p) => p.feed === feed);
  }

  /** How many follow relations there are. */
  get followCount(): number {
    let k = 0;
    for (const out of this.follows.values()) k += out.size;
    return k;
  }

  get(id: string): Post | undefined {
    return this.byId.get(id);
  }

  add(feed: string, author: string, round: number, text: string, replyTo?: string): Post {
    const post: Post = { id: `p${this.next++}`, feed, author, round, text, likes: 0, replies: 0 };
    const parent = replyTo ? this.byId.get(replyTo) : undefined;
    if (parent) {
      post.reply_to = parent.id;
      parent.replies++;
    }
    this.posts.push(post);
    this.byId.set(post.id, post);
    return post;
  }

  /** Whether `reader` liked the post before; if not, the like counts. */
  like(reader: string, id: string): boolean {
    const post = this.byId.get(id);
    if (!post) return false;
    let mine = this.liked.get(reader);
    if (!mine) this.liked.set(reader, (mine = new Set()));
    if (mine.has(id)) return false;
    mine.add(id);
    post.likes++;
    return true;
  }

  hasLiked(reader: string, id: string): boolean {
    return this.liked.get(reader)?.has(id) ?? false;
  }

  /** Starts following; false when it already did (or follows itself). */
  follow(follower: string, followed: string): boolean {
    if (follower === followed) return false;
    let out = this.follows.get(follower);
    if (!out) this.follows.set(follower, (out = new Set()));
    if (out.has(followed)) return false;
    out.add(followed);
    return true;
  }

  isFollowing(follower: string, followed: string): boolean {
    return this.follows.get(follower)?.has(followed) ?? false;
  }

  /** The top posts of `feed` for `reader` (its own left out), best first. */
  ranked(feed: string, reader: string, round: number, tie: (author: string) => number): Post[] {
    const f = this.feeds.get(feed);
    if (!f) return [];
    const live = this.posts.filter((p) => p.feed === feed && p.author !== reader && round - p.round < f.keep);
    let mostLikes = 0,
      mostReplies = 0;
    for (const p of live) {
      if (p.likes > mostLikes) mostLikes = p.likes;
      if (p.replies > mostReplies) mostReplies = p.replies;
    }
    const w = f.rank;
    const score = (p: Post): number =>
      w.recency / (1 + Math.max(0, round - p.round)) +
      (mostLikes ? (w.likes * p.likes) / mostLikes : 0) +
      (mostReplies ? (w.replies * p.replies) / mostReplies : 0) +
      w.ties * tie(p.author) +
      (this.isFollowing(reader, p.author) ? w.follows : 0);
    return live
      .map((p) => ({ p, s: score(p) }))
      .sort((a, b) => b.s - a.s || b.p.round - a.p.round || idOrder(b.p.id, a.p.id))
      .slice(0, f.shows)
      .map((x) => x.p);
  }

  /** A post as `reader` sees it. */
  seen(p: Post, reader: string, name: string, tie: number): SeenPost {
    return {
      id: p.id,
      feed: p.feed,
      author: p.author,
      name,
      text: p.text,
      round: p.round,
      likes: p.likes,
      replies: p.replies,
      ...(p.reply_to ? { reply_to: p.reply_to } : {}),
      tie,
      followed: this.isFollowing(reader, p.author),
    };
  }

  /** Drops posts no feed shows any more (older than the longest `keep`), and a departed agent's follows. */
  prune(round: number): void {
    const keep = Math.max(1, maxOf([...this.feeds.values()].map((f) => f.keep)));
    if (!this.posts.some((p) => round - p.round >= keep)) return;
    this.posts = this.posts.filter((p) => {
      const live = round - p.round < keep;
      if (!live) this.byId.delete(p.id);
      return live;
    });
  }

  removeAgent(id: string): void {
    this.follows.delete(id);
    for (const out of this.follows.values()) out.delete(id);
  }

  toJSON(): FeedBoardJSON {
    return {
      posts: this.posts.map((p) => ({ ...p })),
      follows: [...this.follows].map(([k, v]) => [k, [...v]]),
      liked: [...this.liked].map(([k, v]) => [k, [...v]]),
      next: this.next,
    };
  }

  static fromJSON(feeds: readonly Feed[], json: FeedBoardJSON): FeedBoard {
    const b = new FeedBoard(feeds);
    for (const p of json.posts) {
      b.posts.push({ ...p });
      b.byId.set(p.id, b.posts[b.posts.length - 1]);
    }
    for (const [k, v] of json.follows) b.follows.set(k, new Set(v));
    for (const [k, v] of json.liked) b.liked.set(k, new Set(v));
    b.next = json.next;
    return b;
  }
}

/** p2 before p10: ids are `p<n>`. */
function idOrder(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
