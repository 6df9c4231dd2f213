/** Thrown for any input that cannot be turned into the typed data. */
export class DataError extends Error {
  /** Where in the document the problem is, e.g. `article.sections[2].body`. */
  readonly path?: string;

  constructor(message: string, options?: { path?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DataError';
    if (options?.path !== undefined) this.path = options.path;
  }
}
