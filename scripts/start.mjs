// `npm start`: build the web app if needed, then run the server in this same process (signals reach it directly).
// Its arguments stay in process.argv for the server: `npm start -- --demo` loads the demonstration data.
import { register } from 'tsx/esm/api';
import { ensureClientBuilt } from './client-build.mjs';

ensureClientBuilt();
register();
await import('../src/server/main.ts');
