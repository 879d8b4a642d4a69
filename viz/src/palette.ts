// Colours: nodes by label (actors by kind), edges by relationship type. Shared by the drawing and
// the legend, so what the legend says is what is drawn.
export const EDGE_COLORS: Record<string, string> = {
  ACCUSED: '#d62728',
  CONDEMNED: '#9467bd',
  CALLED_ON: '#1f77b4',
  DENIED: '#8c564b',
  OCCURRED_IN: '#7f7f7f',
  PERPETRATED_BY: '#ff7f0e',
  LOCATED_IN: '#bcbd22',
  PUBLISHED_BY: '#17becf',
  AFFILIATED_WITH: '#e377c2',
};

export const ACTOR_KIND_COLORS: Record<string, string> = {
  state: '#c0392b',
  state_military: '#e74c3c',
  armed_group: '#2c3e50',
  political_org: '#8e44ad',
  civil_society: '#27ae60',
  international_org: '#2980b9',
  media: '#16a085',
  person: '#d35400',
  other: '#95a5a6',
};

export const LABEL_COLORS: Record<string, string> = {
  Actor: '#2980b9',
  Place: '#6b8e23',
  Event: '#f39c12',
  Source: '#7f8c8d',
};

export function nodeColor(nodeLabel: string, kind: string | undefined): string {
  if (nodeLabel === 'Actor') return ACTOR_KIND_COLORS[kind ?? 'other'] ?? ACTOR_KIND_COLORS.other!;
  return LABEL_COLORS[nodeLabel] ?? '#999999';
}

export function edgeColor(type: string): string {
  return EDGE_COLORS[type] ?? '#999999';
}

export const DIMMED = '#e3e3e3';
