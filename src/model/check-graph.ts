// Rules that span records and so cannot live in one object's schema: ids unique and sorted,
// id prefixes matching labels, edges between existing nodes in an allowed triple, evidence that
// quotes its Source exactly. Returns problems instead of throwing so callers can report them all.
import type { GraphDocument, GraphNode } from './schema.ts';
import { ID_PREFIX, isAllowedTriple } from './vocab.ts';

export interface GraphProblem {
  path: (string | number)[];
  message: string;
}

export function checkGraph(doc: GraphDocument): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, GraphNode>();

  doc.nodes.forEach((node, i) => {
    if (byId.has(node.id)) problems.push({ path: ['nodes', i, 'id'], message: `duplicate node id ${node.id}` });
    byId.set(node.id, node);
    if (!node.id.startsWith(`${ID_PREFIX[node.label]}:`)) {
      problems.push({ path: ['nodes', i, 'id'], message: `id ${node.id} does not start with ${ID_PREFIX[node.label]}:` });
    }
    const prev = doc.nodes[i - 1];
    if (prev && prev.id >= node.id) problems.push({ path: ['nodes', i, 'id'], message: `nodes not sorted by id at ${node.id}` });
  });

  const checkEvidence = (evidence: GraphDocument['edges'][number]['evidence'], path: (string | number)[]) => {
    evidence.forEach((ev, j) => {
      const src = byId.get(ev.source);
      if (!src || src.label !== 'Source') {
        problems.push({ path: [...path, j, 'source'], message: `evidence names unknown source ${ev.source}` });
        return;
      }
      if (ev.end > src.text.length) {
        problems.push({ path: [...path, j, 'end'], message: `evidence end ${ev.end} is past the end of ${ev.source}` });
      } else if (src.text.slice(ev.start, ev.end) !== ev.text) {
        problems.push({ path: [...path, j, 'text'], message: `evidence text does not match ${ev.source} at ${ev.start}-${ev.end}` });
      }
      if (ev.attributedTo && byId.get(ev.attributedTo)?.label !== 'Actor') {
        problems.push({ path: [...path, j, 'attributedTo'], message: `attributedTo names unknown actor ${ev.attributedTo}` });
      }
    });
  };

  doc.nodes.forEach((node, i) => {
    if (node.label === 'Event') checkEvidence(node.evidence, ['nodes', i, 'evidence']);
    if (node.label === 'Actor' || node.label === 'Place' || node.label === 'Event') {
      node.sources.forEach((s, j) => {
        if (byId.get(s)?.label !== 'Source') problems.push({ path: ['nodes', i, 'sources', j], message: `unknown source ${s}` });
      });
    }
  });

  const edgeIds = new Set<string>();
  doc.edges.forEach((edge, i) => {
    if (edgeIds.has(edge.id)) problems.push({ path: ['edges', i, 'id'], message: `duplicate edge id ${edge.id}` });
    edgeIds.add(edge.id);
    const prev = doc.edges[i - 1];
    if (prev && prev.id >= edge.id) problems.push({ path: ['edges', i, 'id'], message: `edges not sorted by id at ${edge.id}` });
    const from = byId.get(edge.from);
    const to = byId.get(edge.to);
    if (!from) problems.push({ path: ['edges', i, 'from'], message: `edge ${edge.id} starts at unknown node ${edge.from}` });
    if (!to) problems.push({ path: ['edges', i, 'to'], message: `edge ${edge.id} ends at unknown node ${edge.to}` });
    if (from && to && !isAllowedTriple(from.label, edge.type, to.label)) {
      problems.push({ path: ['edges', i, 'type'], message: `${from.label}-[${edge.type}]->${to.label} is not an allowed relationship` });
    }
    checkEvidence(edge.evidence, ['edges', i, 'evidence']);
  });

  return problems;
}
