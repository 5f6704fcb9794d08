// The core host's worker, straight from the TypeScript sources: for the tests and the bench, which
// run the sources as they are (the app runs the built core-worker.js instead).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
