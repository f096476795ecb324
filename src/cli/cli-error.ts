/** A problem the user can fix (bad option, missing file): printed without a stack, exit 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
