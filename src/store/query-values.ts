// Conversions every adapter shares: values read back from a store into plain JSON-able QueryValues
// (dates as ISO strings, 64-bit integers as numbers when exact, nulls dropped from properties),
// and stored properties into the typed row form the row builders use.
import type { NodeLabel } from '../model/vocab.ts';
import { NODE_LABELS } from '../model/vocab.ts';
import type { Column } from './stored-model.ts';
import type { StoredProps, StoredScalar } from './graph-rows.ts';
import type { QueryValue, StoredNode } from './types.ts';

export function isNodeLabel(label: unknown): label is NodeLabel {
  return typeof label === 'string' && (NODE_LABELS as readonly string[]).includes(label);
}

/** A JS Date as a store returns DATE values: midnight UTC is a day, anything else a timestamp. */
export function dateValue(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** A 64-bit integer as a number when exact, else as its decimal string (never silently rounded). */
export function bigintValue(n: bigint): number | string {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n.toString();
}

/** Properties of a node or relationship: nulls dropped (Neo4j stores none), so both stores print alike. */
export function cleanProperties(props: Record<string, QueryValue>): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(props)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

export function storedNode(label: NodeLabel, properties: Record<string, QueryValue>): StoredNode {
  return { $type: 'node', id: String(properties.id ?? ''), label, properties: cleanProperties(properties) };
}

/**
 * A stored value back into the row form of its column: missing is null, dates are `YYYY-MM-DD`,
 * numbers stay numbers. `toScalar` turns a store-specific value (a Neo4j Integer or Date, a JS Date)
 * into a plain one first.
 */
export function propsFromStore(raw: Record<string, unknown>, columns: readonly Column[], toScalar: (v: unknown) => unknown): StoredProps {
  const props: StoredProps = {};
  for (const c of columns) {
    const v = raw[c.name];
    if (v === undefined || v === null) {
      props[c.name] = null;
      continue;
    }
    const plain = Array.isArray(v) ? v.map(toScalar) : toScalar(v);
    props[c.name] = (c.type === 'date' && typeof plain === 'string' ? plain.slice(0, 10) : plain) as StoredScalar;
  }
  return props;
}
