// Why a file operation failed, said plainly for people ("no such file", "a file is in the way")
// rather than Node's "ENOENT: no such file or directory, open …". Shared by everything that reads
// or writes user-named files: the trace reader, graph files, and the CLI's output files and folders.

/** The reason in a few words; `what` names the thing a folder was found in place of. */
export function ioReason(err: unknown, what = 'file'): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return `it is a folder, not a ${what}`;
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EUNSAFE': // safeWrite.ts: a link, FIFO or folder where a file is written
      return (err as { reason?: string }).reason ?? String(err);
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
