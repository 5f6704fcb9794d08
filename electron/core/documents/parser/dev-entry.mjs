// The parser worker straight from the TypeScript sources, for the tests, the bench and the CLI (the
// app runs the built parse-worker.js instead).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
