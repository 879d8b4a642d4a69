// Pure load planning: compare what a store holds with the rows of the document being loaded and
// say what to delete, what to copy, and what the load creates, updates and deletes. The store
// then mirrors the document; loading the same document again plans nothing.
import { relIdentity, sameRow, type NodeRow, type RelRow, type StoredRows } from './graph-rows.ts';
import { NODE_COLUMNS, relColumns } from './stored-model.ts';
import type { LoadStats } from './types.ts';

export interface LoadPlan {
  stats: LoadStats;
  /** Relationships to delete one by one: gone or changed, with both ends staying. */
  deleteRels: RelRow[];
  /** Nodes to delete with their relationships: gone, or now under another label (copied again below). */
  deleteNodes: NodeRow[];
  copyNodes: NodeRow[];
  /** Changed nodes, updated in place: their relationships stay. */
  updateNodes: NodeRow[];
  /** New and changed relationships, and unchanged ones that lost an end node to a relabelling. */
  copyRels: RelRow[];
  /** Rows the plan touches, for progress. */
  work: number;
}

const sameNode = (a: NodeRow, b: NodeRow) => sameRow(a.props, b.props, NODE_COLUMNS[a.label]);
const sameRel = (a: RelRow, b: RelRow) => sameRow(a.props, b.props, relColumns(a.type));

/**
 * For a bulk loader (Kuzu COPY): new rows are copied, changed nodes updated in place (a hub actor
 * whose source list grew keeps its thousands of relationships), changed relationships deleted
 * and copied again.
 */
export function planLoad(stored: StoredRows, wanted: StoredRows): LoadPlan {
  const storedNodes = new Map(stored.nodes.map((n) => [n.id, n]));
  const wantedNodes = new Map(wanted.nodes.map((n) => [n.id, n]));
  const stats: LoadStats = { nodesCreated: 0, nodesUpdated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsUpdated: 0, relationshipsDeleted: 0 };

  const copyNodes: NodeRow[] = [];
  const deleteNodes: NodeRow[] = [];
  const updateNodes: NodeRow[] = [];
  for (const n of wanted.nodes) {
    const old = storedNodes.get(n.id);
    if (!old || old.label !== n.label) {
      if (old) deleteNodes.push(old);
      copyNodes.push(n);
      stats.nodesCreated++;
    } else if (!sameNode(old, n)) {
      updateNodes.push(n);
      stats.nodesUpdated++;
    }
  }
  for (const n of stored.nodes) {
    if (!wantedNodes.has(n.id)) {
      deleteNodes.push(n);
      stats.nodesDeleted++;
    }
  }
  const detached = new Set(deleteNodes.map((n) => n.id));

  const storedRels = new Map(stored.rels.map((r) => [relIdentity(r), r]));
  const wantedRels = new Set(wanted.rels.map(relIdentity));
  const copyRels: RelRow[] = [];
  const deleteRels: RelRow[] = [];
  const survives = (r: RelRow) => !detached.has(r.from) && !detached.has(r.to);
  for (const r of wanted.rels) {
    const old = storedRels.get(relIdentity(r));
    if (!old) {
      copyRels.push(r);
      stats.relationshipsCreated++;
    } else if (!sameRel(old, r)) {
      if (survives(old)) deleteRels.push(old);
      copyRels.push(r);
      stats.relationshipsUpdated++;
    } else if (!survives(old)) {
      copyRels.push(r); // unchanged, but its end node is being replaced
    }
  }
  for (const r of stored.rels) {
    if (!wantedRels.has(relIdentity(r))) {
      if (survives(r)) deleteRels.push(r);
      stats.relationshipsDeleted++;
    }
  }
  return {
    stats,
    deleteRels,
    deleteNodes,
    copyNodes,
    updateNodes,
    copyRels,
    work: deleteRels.length + deleteNodes.length + copyNodes.length + updateNodes.length + copyRels.length,
  };
}

/** For a loader that upserts in place (Neo4j MERGE): only what the store holds and the document no longer has. */
export function findStale(storedNodeIds: ReadonlyArray<Pick<NodeRow, 'label' | 'id'>>, storedRelKeys: ReadonlyArray<Pick<RelRow, 'type' | 'from' | 'to' | 'key'>>, wanted: StoredRows) {
  const nodeIds = new Set(wanted.nodes.map((n) => `${n.label}\u0000${n.id}`));
  const relIds = new Set(wanted.rels.map(relIdentity));
  const nodes = storedNodeIds.filter((n) => !nodeIds.has(`${n.label}\u0000${n.id}`));
  const gone = new Set(nodes.map((n) => n.id));
  const rels = storedRelKeys.filter((r) => !relIds.has(relIdentity(r)));
  // Relationships of a deleted node go with it (DETACH DELETE); count them, delete only the others.
  return { nodes, rels, relsToDelete: rels.filter((r) => !gone.has(r.from) && !gone.has(r.to)) };
}
