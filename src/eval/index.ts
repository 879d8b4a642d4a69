// Evaluation against gold annotations: re-exports only.
export { readGoldDir, GoldReport, type GoldProblem } from './gold.ts';
export { evaluate, KINDS, ATTRIBUTES, type EvalResult, type Counts, type Finding } from './score.ts';
export { formatEval } from './format.ts';
