// `graphml`: GraphML 1.0 for yEd, Cytoscape and networkx. Keys declared with attr.type (int,
// double, string); lists and evidence as JSON text, with evidenceCount and firstQuote beside them.
// GraphML ids must be XML name tokens, so ids that are not (every edge id holds `>`; non-ASCII is
// escaped too, as validators disagree on which letters are name characters) are written
// with `_xHHHH_` escapes (fromXmlNameToken reverses them); `label` is the name to show.
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
import { xmlAttr, xmlNameToken, xmlText } from './xml-text.ts';

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', integer: 'int', double: 'double', stringList: 'string', json: 'string' };

function graphmlValue(spec: AttrSpec, value: AttrValue): string {
  return spec.type === 'stringList' || spec.type === 'json' ? JSON.stringify(value) : String(value);
}

function keyId(cls: 'node' | 'edge', name: string): string {
  return `${cls === 'node' ? 'n' : 'e'}_${name}`;
}

function dataLines(cls: 'node' | 'edge', specs: readonly AttrSpec[], values: Record<string, AttrValue>, where: string): string[] {
  return specs
    .filter((s) => values[s.name] !== undefined)
    .map((s) => `      <data key="${keyId(cls, s.name)}">${xmlText(graphmlValue(s, values[s.name]!), `${where} ${s.name}`)}</data>`);
}

export function toGraphml(doc: GraphDocument): string {
  const nodeValues = doc.nodes.map((n) => ({ label: displayLabel(n.name), ...nodeAttributes(n) }));
  const edgeValues = doc.edges.map((e) => ({ label: e.type, ...edgeAttributes(e) }));
  const label: AttrSpec = { name: 'label', type: 'string' };
  const nodeSpecs = usedAttributes([label, ...NODE_ATTRIBUTES], nodeValues);
  const edgeSpecs = usedAttributes([label, ...EDGE_ATTRIBUTES], edgeValues);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...nodeSpecs.map((s) => `  <key id="${keyId('node', s.name)}" for="node" attr.name="${s.name}" attr.type="${GRAPHML_TYPE[s.type]}"/>`),
    ...edgeSpecs.map((s) => `  <key id="${keyId('edge', s.name)}" for="edge" attr.name="${s.name}" attr.type="${GRAPHML_TYPE[s.type]}"/>`),
    '  <graph id="G" edgedefault="directed">',
  ];
  doc.nodes.forEach((node, i) => {
    const where = `node ${node.id}`;
    lines.push(`    <node id="${xmlAttr(xmlNameToken(node.id), where)}">`, ...dataLines('node', nodeSpecs, nodeValues[i]!, where), '    </node>');
  });
  doc.edges.forEach((edge, i) => {
    const where = `edge ${edge.id}`;
    lines.push(
      `    <edge id="${xmlAttr(xmlNameToken(edge.id), where)}" source="${xmlAttr(xmlNameToken(edge.from), where)}" target="${xmlAttr(xmlNameToken(edge.to), where)}">`,
      ...dataLines('edge', edgeSpecs, edgeValues[i]!, where),
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}
