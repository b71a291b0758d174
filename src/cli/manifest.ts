// Which files in a folder our commands wrote: `society run` its trace and checkpoint, `society
// report` its five files. `--overwrite` removes only files listed here, never a user's file: it
// once deleted any report.html, metrics.json or ties.* in --out, even where no run had ever been.
// The list is signed by this machine (core/files/ourFiles.ts): a list a shared folder carries
// makes nothing ours (issue 87).
export { MANIFEST_FILE, markOurs as recordWritten, unmarkOurs as forgetWritten } from '../core/files/ourFiles';
