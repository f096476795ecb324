/** A file the saved-workbook host will not read, with the reason in words a user can act on. */
export class UnsupportedWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedWorkbookError';
  }
}

/**
 * Office parts never carry a DTD (Open Packaging Conventions, M1.17), and a
 * DTD is what entity bombs and external entities need: a part with one is
 * refused before any of it is used, so no entity is ever expanded or fetched.
 */
export function dtdRefusal(path: string): UnsupportedWorkbookError {
  return new UnsupportedWorkbookError(
    `${path} declares a DTD (<!DOCTYPE>), which Office files never do: refused, as entity expansion or external entities would be unsafe.`,
  );
}

export function malformedPart(path: string, detail: string): UnsupportedWorkbookError {
  return new UnsupportedWorkbookError(`${path} is not well-formed XML (${detail}); the file is damaged.`);
}
