// A result cell as text, shared by the text and CSV writers and the tools' answer budget.

/** A value as a cell's text: nested values as JSON, null as ''. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
