// Ingest: files and folders to cleaned reports. Re-exports only.
export * from './read-inputs.ts';
export * from './ingest-file.ts';
export * from './clean-text.ts';
export * from './decode.ts';
export * from './parse-date.ts';
export * from './parse-html.ts';
export * from './parse-json.ts';
export * from './parse-markdown.ts';
export * from './split-sentences.ts';
export * from './text-metadata.ts';
