// Collects import warnings and folds repeats: a column no persona field takes is one warning
// for the file naming the agents it concerns, not a thousand lines for a thousand rows.
import type { ImportWarning } from './foreignAgent';

export class WarningBook {
  private readonly entries = new Map<string, ImportWarning>();

  add(file: string, message: string, agent?: string): void {
    const key = `${file}\u0000${message}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { file, message, agents: [] };
      this.entries.set(key, entry);
    }
    if (agent !== undefined && !entry.agents.includes(agent)) entry.agents.push(agent);
  }

  list(): ImportWarning[] {
    return [...this.entries.values()];
  }
}

/** One line for people: `file: message (Ana, Ben and 3 more)`. */
export function formatImportWarning(w: ImportWarning, shown = 3): string {
  const names = w.agents.slice(0, shown).join(', ');
  const more = w.agents.length > shown ? ` and ${w.agents.length - shown} more` : '';
  return `${w.file}: ${w.message}${w.agents.length ? ` (${names}${more})` : ''}`;
}
