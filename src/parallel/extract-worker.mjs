// Worker threads start without tsx's loader, even when the main thread has it: register it here,
// then hand piscina the TypeScript worker's function.
import { register } from 'tsx/esm/api';

register();
const mod = await import('./extract-worker.ts');
export default mod.default;
