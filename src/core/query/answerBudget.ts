// How much of a query's answer one message carries (society_sql): a 50 MB cell once became a
// 100 MB JSON-RPC line that dropped the MCP client (issue 70). Long cells are cut and the rows stop
// at a character budget, each with a note saying so; the files hold the rest (`society sql`).
import { cellText } from './cellText';

/** The longest cell given whole (characters of its text; JSON values as their JSON). */
export const MAX_CELL_CHARS = 4_000;
/** Characters of cell text in one answer. */
export const MAX_ANSWER_CHARS = 200_000;

export interface Budgeted {
  rows: unknown[][];
  /** Rows were left out (the row limit or the character budget). */
  truncated: boolean;
  /** What was cut, in words; undefined when nothing was. */
  notes?: string;
}

/** At most `limit` rows of `batches`, cells and the whole within the budget. */
export async function budgetedRows(batches: AsyncIterable<unknown[][]>, limit: number): Promise<Budgeted> {
  const rows: unknown[][] = [];
  const notes: string[] = [];
  let chars = 0;
  let cut = 0;
  let longest = 0;
  for await (const batch of batches) {
    for (const row of batch) {
      if (rows.length === limit) return done(true);
      const cells = row.map((value) => {
        const text = cellText(value);
        chars += Math.min(text.length, MAX_CELL_CHARS);
        if (text.length <= MAX_CELL_CHARS) return value;
        cut++;
        longest = Math.max(longest, text.length);
        return `${text.slice(0, MAX_CELL_CHARS)}…`;
      });
      if (chars > MAX_ANSWER_CHARS && rows.length > 0) {
        notes.push(`rows stop after ${rows.length}: the answer budget is ${MAX_ANSWER_CHARS} characters`);
        return done(true);
      }
      rows.push(cells);
    }
  }
  return done(false);

  function done(truncated: boolean): Budgeted {
    if (cut) {
      notes.unshift(
        `${cut} cell${cut === 1 ? '' : 's'} cut to ${cut === 1 ? 'its' : 'their'} first ${MAX_CELL_CHARS} characters (of ${longest}${cut === 1 ? '' : ' at most'})`,
      );
    }
    return { rows, truncated, ...(notes.length ? { notes: notes.join('; ') } : {}) };
  }
}
