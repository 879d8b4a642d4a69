// Error classes with codes. Exceptions are for broken files and environments; bad records are
// reported as skipped instead. Messages say where the problem is and what to do.
export type ErrorCode =
  | 'E_INPUT_MISSING'
  | 'E_NO_REPORTS'
  | 'E_LEXICON_INVALID'
  | 'E_GRAPH_INVALID'
  | 'E_USAGE'
  | 'E_STORE_UNREACHABLE'
  | 'E_STORE_AUTH'
  | 'E_STORE_DATABASE'
  | 'E_STORE_LOCKED'
  | 'E_STORE_VERSION'
  | 'E_QUERY_SYNTAX'
  | 'E_QUERY_WRITE'
  | 'E_QUERY_FAILED'
  | 'E_EXPORT';

export class ReportGraphError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReportGraphError';
    this.code = code;
  }
}

export class LexiconError extends ReportGraphError {
  constructor(file: string, detail: string) {
    super('E_LEXICON_INVALID', `${file}: ${detail}`);
    this.name = 'LexiconError';
  }
}

export class GraphValidationError extends ReportGraphError {
  readonly problems: string[];
  constructor(where: string, problems: string[]) {
    super('E_GRAPH_INVALID', `${where}: invalid graph document: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
    this.name = 'GraphValidationError';
    this.problems = problems;
  }
}
