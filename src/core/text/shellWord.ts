// A path or argument as one word of a POSIX shell command line, for commands we print or write
// for the user to copy (`continue with: society run … --resume`, a copied example's README):
// quoted only when it has to be.
export function shellWord(s: string): string {
  if (/^[A-Za-z0-9_./:=@%+-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
