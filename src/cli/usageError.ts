/**
 * A command line the command cannot take (an option's value out of range or malformed): command()
 * prints it with the usage and exits 2, as for an unknown option. Any other error exits 1.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
