/**
 * Errors as Apps Script throws them: an `Error` whose message is the service's
 * own sentence (shown as `Exception: <message>` in the editor's log), so code
 * under test meets the same text it would in Sheets.
 */
export class AppsScriptException extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function exception(message: string): never {
  throw new AppsScriptException(message);
}
