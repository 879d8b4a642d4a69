// `gexf`: GEXF 1.3 for Gephi. Typed attributes declared per class (liststring for lists, integer,
// double, string), evidence as JSON text with its count and first quote; the edge's model type is
// its `kind` (GEXF 1.3's way to tell parallel edges apart) and `label`, and its weight is the
// number of supporting sentences (at least 1) so layouts pull well-attested ties closer.
import type { GraphDocument } from '../model/schema.ts';
import {
  displayLabel,
  EDGE_ATTRIBUTES,
  edgeAttributes,
  NODE_ATTRIBUTES,
  nodeAttributes,
  usedAttributes,
  type AttrSpec,
  type AttrType,
  type AttrValue,
} from './graph-attributes.ts';
import { xmlAttr } from './xml-text.ts';

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', integer: 'integer', double: 'double', stringList: 'liststring', json: 'string' };

/** A GEXF 1.3 list value: `["a", "b"]`, each item double-quoted with `\` and `"` escaped (as Gephi and graphology read it). */
export function gexfList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`);
  return `[${quoted.join(', ')}]`;
}

function gexfValue(spec: AttrSpec, value: AttrValue): string {
  switch (spec.type) {
    case 'stringList':
      return gexfList(value as string[]);
    case 'json':
      return JSON.stringify(value);
    default:
      return String(value);
  }
}

function declarations(cls: 'node' | 'edge', specs: readonly AttrSpec[]): string[] {
  if (specs.length === 0) return [];
  return [
    `    <attributes class="${cls}" mode="static">`,
    ...specs.map((s) => `      <attribute id="${s.name}" title="${s.name}" type="${GEXF_TYPE[s.type]}"/>`),
    '    </attributes>',
  ];
}

function attvalues(specs: readonly AttrSpec[], values: Record<string, AttrValue>, where: string, indent: string): string[] {
  const lines = specs
    .filter((s) => values[s.name] !== undefined)
    .map((s) => `${indent}  <attvalue for="${s.name}" value="${xmlAttr(gexfValue(s, values[s.name]!), `${where} ${s.name}`)}"/>`);
  return lines.length ? [`${indent}<attvalues>`, ...lines, `${indent}</attvalues>`] : [];
}

export function toGexf(doc: GraphDocument): string {
  const nodeValues = doc.nodes.map(nodeAttributes);
  const edgeValues = doc.edges.map(edgeAttributes);
  const nodeSpecs = usedAttributes(NODE_ATTRIBUTES, nodeValues);
  const edgeSpecs = usedAttributes(EDGE_ATTRIBUTES, edgeValues);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta>',
    '    <creator>reportgraph</creator>',
    `    <description>${doc.nodes.length} nodes and ${doc.edges.length} relationships from conflict and human-rights reports; evidence holds the supporting sentences (source, text, offsets, rule) as JSON</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    ...declarations('node', nodeSpecs),
    ...declarations('edge', edgeSpecs),
    `    <nodes count="${doc.nodes.length}">`,
  ];
  doc.nodes.forEach((node, i) => {
    const where = `node ${node.id}`;
    const attrs = attvalues(nodeSpecs, nodeValues[i]!, where, '        ');
    const open = `      <node id="${xmlAttr(node.id, where)}" label="${xmlAttr(displayLabel(node.name), `${where} label`)}"`;
    lines.push(...(attrs.length ? [`${open}>`, ...attrs, '      </node>'] : [`${open}/>`]));
  });
  lines.push('    </nodes>', `    <edges count="${doc.edges.length}">`);
  doc.edges.forEach((edge, i) => {
    const where = `edge ${edge.id}`;
    const attrs = attvalues(edgeSpecs, edgeValues[i]!, where, '        ');
    const open =
      `      <edge id="${xmlAttr(edge.id, where)}" source="${xmlAttr(edge.from, where)}" target="${xmlAttr(edge.to, where)}"` +
      ` kind="${edge.type}" label="${edge.type}" weight="${Math.max(1, edge.evidence.length)}"`;
    lines.push(...(attrs.length ? [`${open}>`, ...attrs, '      </edge>'] : [`${open}/>`]));
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}
