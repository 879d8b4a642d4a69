// The graph model as JSON Schema (draft 2020-12), for tools that read our documents without zod.
import { z } from 'zod';
import { GraphDocument } from './schema.ts';

export function graphJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(GraphDocument, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: 'https://reportgraph.dev/schema/graph-document-v1.json',
    title: 'reportgraph graph document, version 1',
    description:
      'Nodes (Actor, Place, Event, Source) and edges sorted by id. Besides this shape: ids are unique, edges join existing nodes in an allowed (label, type, label) triple, and every evidence item satisfies source.text.slice(start, end) === text.',
  };
}
