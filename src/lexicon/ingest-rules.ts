// Schemas and compilation of the ingest rules in data/lexicons: boilerplate patterns and the
// signatures that name a report's outlet. Patterns are JavaScript regular expressions kept as
// strings in JSON; they are compiled once here, and a bad one is reported with its file and id.
import { z } from 'zod';
import { LexiconError } from '../errors.ts';

const Pattern = z.object({
  id: z.string().min(1),
  pattern: z.string().min(1),
  /** Regular-expression flags; `i` and `u` are the usual ones. */
  flags: z.string().regex(/^[imsu]*$/).default('iu'),
  note: z.string().optional(),
});

export const BoilerplateFile = z.object({
  version: z.number().int().positive(),
  /** A line matching one of these (the whole trimmed line) is dropped. */
  lines: z.array(Pattern),
  /** Text matching these is cut out wherever it is, line breaks kept. */
  inline: z.array(Pattern),
  /** From a line matching one of these to the end of the text, everything is dropped (comment forms, footers). */
  tails: z.array(Pattern),
  /** Runs of at least `minLines` short lines (at most `maxWords` words, no sentence punctuation) are navigation menus. */
  menuRun: z.object({ minLines: z.number().int().min(2), maxWords: z.number().int().min(1) }),
  /** Lines repeated verbatim, or repeated as the opening of a later paragraph (captions, teasers), are kept once. */
  dropRepeatedLines: z.boolean(),
});
export type BoilerplateFile = z.input<typeof BoilerplateFile>;

export const SourceSignaturesFile = z.object({
  version: z.number().int().positive(),
  /** Each pattern's first capture group is an outlet name (`+` or `&` separate several). */
  outlets: z.array(Pattern.extend({ where: z.enum(['anywhere', 'head', 'tail']).default('anywhere') })),
  /** Lines that are section names or labels, never a title (compared case-insensitively). */
  notTitles: z.array(z.string()),
});
export type SourceSignaturesFile = z.input<typeof SourceSignaturesFile>;

export interface CompiledPattern {
  id: string;
  re: RegExp;
}

export interface IngestRules {
  lines: CompiledPattern[];
  inline: CompiledPattern[];
  tails: CompiledPattern[];
  menuRun: { minLines: number; maxWords: number };
  dropRepeatedLines: boolean;
  outlets: (CompiledPattern & { where: 'anywhere' | 'head' | 'tail' })[];
  notTitles: Set<string>;
}

function compile(file: string, p: z.infer<typeof Pattern>, wrap: (s: string) => string, extraFlags = ''): CompiledPattern {
  try {
    return { id: p.id, re: new RegExp(wrap(p.pattern), [...new Set(p.flags + extraFlags)].join('')) };
  } catch (err) {
    throw new LexiconError(file, `pattern ${p.id} is not a valid regular expression: ${(err as Error).message}`);
  }
}

function parse<S extends z.ZodType>(schema: S, file: string, raw: unknown): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) throw new LexiconError(file, z.prettifyError(r.error));
  return r.data;
}

export function compileIngestRules(
  boilerplateRaw: unknown,
  signaturesRaw: unknown,
  files = { boilerplate: 'boilerplate.json', signatures: 'source-signatures.json' },
): IngestRules {
  const b = parse(BoilerplateFile, files.boilerplate, boilerplateRaw);
  const s = parse(SourceSignaturesFile, files.signatures, signaturesRaw);
  return {
    lines: b.lines.map((p) => compile(files.boilerplate, p, (x) => `^(?:${x})$`)),
    inline: b.inline.map((p) => compile(files.boilerplate, p, (x) => x, 'g')),
    tails: b.tails.map((p) => compile(files.boilerplate, p, (x) => `^(?:${x})$`)),
    menuRun: b.menuRun,
    dropRepeatedLines: b.dropRepeatedLines,
    outlets: s.outlets.map((p) => ({ ...compile(files.signatures, p, (x) => x, 'm'), where: p.where })),
    notTitles: new Set(s.notTitles.map((t) => t.toLowerCase())),
  };
}
