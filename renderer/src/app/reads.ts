import { api } from '../api';
import type { Read } from './use-query';

// The reads the shell makes on every screen, asked for once at start (main.tsx) and by each part
// of the shell that shows them.
export const settingsRead = { key: 'settings', load: () => api.settings.get({}) } satisfies Read<unknown>;
export const appInfoRead = { key: 'app-info', load: () => api.app.info({}) } satisfies Read<unknown>;
