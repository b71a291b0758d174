// OASIS agent profiles → foreign agents. Reddit-style profiles are a JSON list of
// {realname, username, bio, persona, age, gender, mbti, country, profession, interested_topics};
// Twitter-style profiles are a pandas CSV with name, username, description, user_char,
// following_agentid_list and previous_tweets (list columns as Python literals). Either way an
// agent's OASIS id is its position in the file, which is what following_agentid_list refers to.
import { AgentBuilder, IMPORTANCE, textList, textOf } from './agentBuilder';
import { csvRecords } from './csvRows';
import type { ForeignAgent } from './foreignAgent';
import { traitsFromMbti } from './mbti';
import { parsePythonList } from './pythonLiteral';
import type { SourceText } from './sourceText';
import type { WarningBook } from './warningBook';

/** Following someone counts as a tie from round 1 (the schema's default threshold is 0.6). */
export const FOLLOW_TIE = 0.6;

/** Columns about the source platform's accounts and activity rather than the person. */
const PLATFORM_FIELDS = new Set(['', 'user_id', 'created_at', 'followers_count', 'following_count', 'tweets_id', 'activity_level', 'activity_level_frequency', 'following_list']);

/** A list field that may be a JSON array or a CSV cell holding a Python literal. */
function listValue(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'number') return [];
  if (typeof value !== 'string' || !value.trim()) return [];
  // OASIS reads a bare number here as "follows nobody".
  if (!value.trim().startsWith('[')) return /^\s*-?\d+\s*$/.test(value) ? [] : [value];
  return parsePythonList(value);
}

function mapProfile(record: Record<string, unknown>, index: number, file: string, warnings: WarningBook): ForeignAgent | undefined {
  const name = textOf(record.realname) ?? textOf(record.name) ?? textOf(record.username);
  if (!name) { warnings.add(file, `profile ${index} has no realname, name or username: skipped`); return undefined; }
  const b = new AgentBuilder(file, name, warnings);
  const handled = new Set(['realname', 'name', 'username']);
  const take = (key: string, map: (value: unknown) => void): void => {
    handled.add(key);
    if (record[key] !== undefined && record[key] !== null && record[key] !== '') map(record[key]);
  };
  // The long character text is what OASIS puts in the agent's prompt, so it is the bio; the short
  // public profile line becomes a memory when both are present and differ.
  const character = textOf(record.persona) ?? textOf(record.user_char);
  const profileLine = textOf(record.bio) ?? textOf(record.description);
  for (const key of ['persona', 'user_char', 'bio', 'description']) handled.add(key);
  if (character) b.text('bio', character); else if (profileLine) b.text('bio', profileLine);
  if (character && profileLine && profileLine !== character) b.memories('My profile says', profileLine, IMPORTANCE.profile);
  for (const key of ['persona', 'user_char']) if (textOf(record[key]) && textOf(record[key]) !== character) b.memories('Character', record[key], IMPORTANCE.profile);

  take('age', (v) => b.age(v));
  take('gender', (v) => b.text('gender', v));
  take('country', (v) => b.text('location', v));
  take('profession', (v) => b.text('occupation', v));
  take('mbti', (v) => {
    const traits = traitsFromMbti(String(v));
    if (traits) { b.traits(traits); b.memories('MBTI type', v, IMPORTANCE.profile); } else b.warn(`mbti '${String(v)}' is not an MBTI type: traits left at their defaults`);
  });
  take('interested_topics', (v) => {
    const topics = listValue(v);
    if (topics) b.interests(topics); else b.warn(`interested_topics '${String(v).slice(0, 40)}' is not a list: not imported`);
  });
  take('previous_tweets', (v) => {
    const posts = listValue(v);
    if (posts) b.memories('I posted', textList(posts), IMPORTANCE.post); else b.warn('previous_tweets is not a list: not imported');
  });
  take('following_agentid_list', (v) => {
    const ids = listValue(v);
    if (!ids) { b.warn(`following_agentid_list '${String(v).slice(0, 40)}' is not a list of agent ids: no ties imported`); return; }
    for (const id of ids) b.link({ to: { key: String(id) }, tie: FOLLOW_TIE, note: 'follows them' });
  });
  for (const [key, value] of Object.entries(record)) {
    if (handled.has(key)) continue;
    if (PLATFORM_FIELDS.has(key)) {
      // The unnamed index column is the agent id (used as the key below).
      if (key !== '' && value !== '' && value !== undefined && value !== null && value !== '[]') {
        warnings.add(file, key === 'following_list'
          ? "'following_list' holds the platform's account ids, not agents: not imported (following_agentid_list gives the ties)"
          : `'${key}' is platform data, not a persona field: not imported`);
      }
      continue;
    }
    b.keep(key, value);
  }
  // pandas writes the agent id as an unnamed first column; it equals the row position.
  const indexColumn = textOf(record['']);
  return b.build(textOf(record.username) ? [textOf(record.username)!] : [], indexColumn && /^\d+$/.test(indexColumn) ? indexColumn : String(index));
}

/** Reddit-style profiles: a JSON list of profile objects (a single object counts as one). */
export function readOasisJson(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  let value: unknown;
  try {
    value = JSON.parse(source.text);
  } catch (err) {
    warnings.add(source.file, `not JSON (${err instanceof Error ? err.message : String(err)}): skipped`);
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) { warnings.add(source.file, `profile ${i} is not an object: skipped`); return []; }
    return mapProfile(record as Record<string, unknown>, i, source.file, warnings) ?? [];
  });
}

/** Twitter-style profiles: a CSV with a header row. */
export function readOasisCsv(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  const { header, records } = csvRecords(source.text);
  if (!header.some((h) => ['name', 'username', 'realname'].includes(h))) {
    warnings.add(source.file, 'no name, username or realname column: not an OASIS profile file, skipped');
    return [];
  }
  return records.flatMap((record, i) => mapProfile(record, i, source.file, warnings) ?? []);
}

/** JSON or CSV by the file's name, falling back to its first character. */
export function readOasis(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  const json = /\.json$/i.test(source.file) || (!/\.csv$/i.test(source.file) && /^\s*[[{]/.test(source.text));
  return json ? readOasisJson(source, warnings) : readOasisCsv(source, warnings);
}
