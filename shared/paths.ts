import { z } from 'zod';

// Files cross the boundary as absolute paths chosen in the system's dialogs (or typed on the command
// line and resolved there): never relative to wherever the process happens to be running.
export const isAbsolutePath = (path: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path) && !path.includes('\0');

export const absolutePath = () =>
  z
    .string()
    .trim()
    .min(1)
    .max(4096)
    .refine(isAbsolutePath, { params: { code: 'invalid_format' } });
