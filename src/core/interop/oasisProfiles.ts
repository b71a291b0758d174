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
import { parseSourceJson, type SourceText } from './sourceText';
import type { WarningBook } from './warningBook';
import { INITIAL_TIE } from './initialTie';

/** Following someone starts as a tie (initialTie.ts says how long it lasts untended). */
export const FOLLOW_TIE = INITIAL_TIE;

/** Columns about the source platform's accounts and activity rather than the person. */
const PLATFORM_FIELDS = new Set([
  '',
  'user_id',
  'created_at',
  'followers_count',
  'following_count',
  'tweets_id',
  'activity_level',
  'activity_level_frequency',
  'following_list',
]);

/** A list field that may be a JSON array or a CSV cell holding a Python literal; undefined when it is neither. */
function listValue(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'string') return undefined;
  if (!value.trim()) return [];
  return value.trim().startsWith('[') ? parsePythonList(value) : [value];
}

function mapProfile(
  record: Record<string, unknown>,
  index: number,
  file: string,
  warnings: WarningBook,
): ForeignAgent | undefined {
  const name = textOf(record.realname) ?? textOf(record.name) ?? textOf(record.username);
  if (!name) {
    warnings.add(file, `profile ${index} has no realname, name or username: skipped`);
    return undefined;
  }
  const b = new AgentBuilder(file, name, warnings);
  const handled = new Set(['realname', 'name', 'username']);
  const take = (key: string, map: (value: unknown) => void): void => {
    handled.add(key);
    if (record[key] !== undefined && record[key] !== null && record[key] !== '') map(record[key]);
  };
  // The handle the others knew the agent by, and a display name the realname replaced.
  for (const [key, label] of [
    ['name', 'Also known as'],
    ['username', 'My username'],
  ] as const) {
    const text = textOf(record[key]);
    if (text !== undefined && text !== name) b.memories(label, text, IMPORTANCE.other);
    else if (text === undefined && record[key] !== undefined) b.keep(key, record[key]);
  }
  // The long character text (persona, user_char) is what OASIS puts in the agent's prompt, so it
  // is the bio; the short public profile line (bio, description) and any further distinct text
  // become memories.
  const texts = (['persona', 'user_char', 'bio', 'description'] as const).map((key) => ({
    key,
    text: textOf(record[key]),
  }));
  const bio = texts.find((t) => t.text !== undefined);
  for (const { key, text } of texts) {
    handled.add(key);
    if (text === undefined) {
      if (record[key] !== undefined) b.keep(key, record[key]);
      continue;
    }
    if (key === bio?.key) b.text('bio', text, key);
    else if (text !== bio?.text) {
      b.memories(key === 'persona' || key === 'user_char' ? 'Character' : 'My profile says', text, IMPORTANCE.profile);
    }
  }

  take('age', (v) => b.age(v));
  take('gender', (v) => b.text('gender', v, 'gender'));
  take('country', (v) => b.text('location', v, 'country'));
  take('profession', (v) => b.text('occupation', v, 'profession'));
  take('mbti', (v) => {
    const traits = traitsFromMbti(String(v));
    if (traits) {
      b.traits(traits);
      b.memories('MBTI type', v, IMPORTANCE.profile);
    } else b.warn(`mbti '${String(v)}' is not an MBTI type: traits left at their defaults`);
  });
  take('interested_topics', (v) => {
    const topics = listValue(v);
    if (topics) b.interests(topics);
    else b.keep('interested_topics', v);
  });
  take('previous_tweets', (v) => {
    const posts = listValue(v);
    b.memories('I posted', textList(posts ?? v), IMPORTANCE.post);
  });
  take('following_agentid_list', (v) => {
    // OASIS reads a bare number here as "follows nobody".
    const ids = typeof v === 'number' || (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) ? [] : listValue(v);
    if (!ids) {
      b.warn(`following_agentid_list '${JSON.stringify(v).slice(0, 40)}' is not a list of agent ids: no ties imported`);
      return;
    }
    for (const id of ids) b.link({ to: { key: String(id) }, tie: FOLLOW_TIE, note: 'follows them' });
  });
  for (const [key, value] of Object.entries(record)) {
    if (handled.has(key)) continue;
    if (PLATFORM_FIELDS.has(key)) {
      // The unnamed index column is the agent id (used as the key below).
      if (key !== '' && value !== '' && value !== undefined && value !== null && value !== '[]') {
        warnings.add(
          file,
          key === 'following_list'
            ? "'following_list' holds the platform's account ids, not agents: not imported (following_agentid_list gives the ties)"
            : `'${key}' is platform data, not a persona field: not imported`,
        );
      }
      continue;
    }
    b.keep(key, value);
  }
  // pandas writes the agent id as an unnamed first column; it equals the row position.
  const indexColumn = textOf(record['']);
  return b.build(
    textOf(record.username) ? [textOf(record.username)!] : [],
    indexColumn && /^\d+$/.test(indexColumn) ? indexColumn : String(index),
  );
}

/** Reddit-style profiles: a JSON list of profile objects (a single object counts as one). */
export function readOasisJson(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  let value: unknown;
  try {
    value = parseSourceJson(source.text);
  } catch (err) {
    warnings.add(source.file, `not JSON (${err instanceof Error ? err.message : String(err)}): skipped`);
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((record, i) => {
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      warnings.add(source.file, `profile ${i} is not an object: skipped`);
      return [];
    }
    return mapProfile(record as Record<string, unknown>, i, source.file, warnings) ?? [];
  });
}

/** Twitter-style profiles: a CSV with a header row. */
export function readOasisCsv(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  const { header, records, unclosedQuoteLine } = csvRecords(source.text);
  if (!header.some((h) => ['name', 'username', 'realname'].includes(h))) {
    warnings.add(source.file, 'no name, username or realname column: not an OASIS profile file, skipped');
    return [];
  }
  if (unclosedQuoteLine !== undefined) {
    warnings.add(
      source.file,
      `the quoted field opened on line ${unclosedQuoteLine} is never closed: everything after its quote was read as one field`,
    );
  }
  return records.flatMap((record, i) => mapProfile(record, i, source.file, warnings) ?? []);
}

/** JSON or CSV by the file's name, falling back to its first character. */
export function readOasis(source: SourceText, warnings: WarningBook): ForeignAgent[] {
  const json = /\.json$/i.test(source.file) || (!/\.csv$/i.test(source.file) && /^\s*[[{]/.test(source.text));
  return json ? readOasisJson(source, warnings) : readOasisCsv(source, warnings);
}
