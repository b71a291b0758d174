// File and folder names from display names ("Freshers' Forum — 2025!" → freshers-forum-2025), one
// rule for run folders, experiment traces and new societies. Accents fold to their letters (Inês →
// ines); anything else that is not a-z or 0-9 becomes one hyphen.

export function slug(name: string, fallback: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 48)
      .replace(/-$/, '') || fallback
  );
}
