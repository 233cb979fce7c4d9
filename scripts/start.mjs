// `npm start`: build the web app if needed, then run the server in this same process (signals reach it directly).
import { register } from 'tsx/esm/api';
import { ensureClientBuilt } from './client-build.mjs';

ensureClientBuilt();
register();
await import('../src/server/main.ts');
