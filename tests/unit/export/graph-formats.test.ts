// What the graph-drawing formats declare and how tools will see it: graphology's serialized graph
// safe to hand to sigma (no `type` attribute to pick a renderer, `label` the name), GEXF with typed
// attribute declarations and the model type as the edge kind, GraphML keys typed and ids that are
// XML name tokens; and the XML writers' escaping, name tokens and refusals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReportGraphError } from '../../../src/errors.ts';
import { graphologyGraph } from '../../../src/export/to-graphology.ts';
import { gexfList, toGexf } from '../../../src/export/to-gexf.ts';
import { toGraphml } from '../../../src/export/to-graphml.ts';
import { fromXmlNameToken, xmlAttr, xmlNameToken, xmlText } from '../../../src/export/xml-text.ts';
import { toJson } from '../../../src/export/to-json.ts';
import { SMALL, smallGraph } from '../../fixtures/export/graphs.ts';

describe('graphology', () => {
  const g = graphologyGraph(smallGraph());

  it('is a directed multigraph keyed by the model ids', () => {
    expect(g.options).toEqual({ type: 'directed', multi: true, allowSelfLoops: true });
    expect(g.nodes.map((n) => n.key)).toEqual(smallGraph().nodes.map((n) => n.id));
    expect(g.edges.map((e) => e.key)).toEqual(smallGraph().edges.map((e) => e.id));
  });

  it('gives sigma a label to show and no `type` to misread as a renderer', () => {
    const russia = g.nodes.find((n) => n.key === 'actor:russia')!;
    expect(russia.attributes).toMatchObject({ label: 'Russia', nodeLabel: 'Actor', name: 'Russia', kind: 'state' });
    for (const n of g.nodes) expect(n.attributes).not.toHaveProperty('type');
    for (const e of g.edges) {
      expect(e.attributes).not.toHaveProperty('type');
      expect(e.attributes.relType).toBe(e.attributes.label);
      expect(e.attributes.evidenceCount).toBe((e.attributes.evidence as unknown[]).length);
    }
  });
});

describe('gexf', () => {
  const xml = toGexf(smallGraph());

  it.each([
    ['killedMin', 'integer'],
    ['lat', 'double'],
    ['aliases', 'liststring'],
    ['sources', 'liststring'],
    ['evidence', 'string'],
    ['evidenceCount', 'integer'],
  ])('declares the node attribute %s as %s', (name, type) => {
    const nodeBlock = xml.slice(xml.indexOf('<attributes class="node"'), xml.indexOf('</attributes>'));
    expect(nodeBlock).toContain(`<attribute id="${name}" title="${name}" type="${type}"/>`);
  });

  it('gives each edge its type as kind and label, and its number of sentences as weight', () => {
    expect(xml).toContain(`source="actor:coalition" target="actor:russia" kind="CONDEMNED" label="CONDEMNED" weight="2"`);
    expect(xml).toContain(`source="place:alpha-town" target="place:alpha-province" kind="LOCATED_IN" label="LOCATED_IN" weight="1"`);
  });

  it('writes lists the way GEXF 1.3 readers split them', () => {
    expect(gexfList(['a', 'b, c', 'say "x"', 'back\\slash', 'two\nlines'])).toBe('["a", "b, c", "say \\"x\\"", "back\\\\slash", "two\\nlines"]');
    expect(gexfList([])).toBe('[]');
  });

  it('carries no date of writing, so the same graph gives the same bytes', () => {
    expect(xml).not.toMatch(/lastmodifieddate/);
  });
});

describe('graphml', () => {
  const xml = toGraphml(smallGraph());

  it.each([
    ['n_killedMin', 'node', 'killedMin', 'int'],
    ['n_lat', 'node', 'lat', 'double'],
    ['n_aliases', 'node', 'aliases', 'string'],
    ['e_evidenceCount', 'edge', 'evidenceCount', 'int'],
    ['e_evidence', 'edge', 'evidence', 'string'],
  ])('declares key %s for %s as %s of attr.type %s', (id, cls, name, type) => {
    expect(xml).toContain(`<key id="${id}" for="${cls}" attr.name="${name}" attr.type="${type}"/>`);
  });

  it('writes ids that are name tokens as they are, and edge ids with their > escaped', () => {
    expect(xml).toContain('<node id="actor:russia">');
    expect(xml).toContain(`<edge id="CONDEMNED:actor:coalition-_x003E_actor:russia" source="actor:coalition" target="actor:russia">`);
    expect(xml).toContain(`<node id="${SMALL.airstrike}">`);
  });
});

describe('XML escaping', () => {
  it.each([
    ['a & b < c > d', 'a &amp; b &lt; c &gt; d', 'a &amp; b &lt; c &gt; d'],
    ['say "hi"', 'say "hi"', 'say &quot;hi&quot;'],
    ['tab\tline\ncr\r', 'tab\tline\ncr&#13;', 'tab&#9;line&#10;cr&#13;'],
    ['nel\u0085 ls\u2028 ps\u2029', 'nel&#133; ls&#8232; ps&#8233;', 'nel&#133; ls&#8232; ps&#8233;'],
    ['دير 😀', 'دير 😀', 'دير 😀'],
  ])('escapes %j for text and attributes', (input, text, attr) => {
    expect(xmlText(input, 'test')).toBe(text);
    expect(xmlAttr(input, 'test')).toBe(attr);
  });

  it.each(['nul\u0000', 'bell\u0007', 'vt\u000b', 'lone \ud800', 'lone \udc00 low', 'non-char \uffff'])('refuses %j, which XML 1.0 cannot carry, naming where it is', (input) => {
    expect(() => xmlText(input, 'node actor:x name')).toThrow(ReportGraphError);
    expect(() => xmlAttr(input, 'node actor:x name')).toThrow(/node actor:x name contains U\+[0-9A-F]{4}, which XML 1.0 cannot represent/);
  });

  it('refuses to export a graph with such a character instead of corrupting it', () => {
    const doc = smallGraph();
    Object.assign(doc.nodes.find((n) => n.id === 'actor:russia')!, { name: 'Rus\u0001sia' });
    expect(() => toGexf(doc)).toThrow(/node actor:russia (name|label) contains U\+0001/);
    expect(() => toGraphml(doc)).toThrow(/node actor:russia (name|label) contains U\+0001/);
  });

  it('makes a distinct ASCII name token of every string, and reads it back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const ta = xmlNameToken(a);
        expect(ta).toMatch(/^[A-Za-z0-9._:-]+$/);
        expect(fromXmlNameToken(ta)).toBe(a);
        if (a !== b) expect(xmlNameToken(b)).not.toBe(ta);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('json', () => {
  it('refuses to write a document that is not valid', () => {
    const doc = smallGraph();
    doc.edges[0]!.to = 'actor:nobody';
    expect(() => toJson(doc)).toThrow(/exported graph: invalid graph document: .*unknown node actor:nobody/);
  });

  it('writes documents the way kg extract does: sorted, two-space JSON, final newline', () => {
    const text = toJson(smallGraph());
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text.startsWith('{\n  "version": 1,\n  "nodes": [')).toBe(true);
  });
});
