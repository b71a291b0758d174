// Runs a CLI command in-process with console output captured (and kept off the test report).
export async function quietly<T>(fn: () => Promise<T>): Promise<{ result: T; out: string; errors: string }> {
  const log = console.log,
    err = console.error;
  let out = '',
    errors = '';
  console.log = (...a: unknown[]) => {
    out += a.join(' ') + '\n';
  };
  console.error = (...a: unknown[]) => {
    errors += a.join(' ') + '\n';
  };
  try {
    return { result: await fn(), out, errors };
  } finally {
    console.log = log;
    console.error = err;
  }
}
