import { createHash } from 'node:crypto';

// What a preview hands out and a commit must bring back: the class it was made for, then a hash of
// the class, the file's bytes and how the file was read. A commit for another class, or of a file
// changed since, brings a token that does not match and is refused.
export const importToken = (classId: number, digest: string, reading: unknown = null): string =>
  `${classId}.${createHash('sha256')
    .update(JSON.stringify([classId, digest, reading]))
    .digest('hex')}`;

// Whether a token was made for this class (a commit for another is refused in those words).
export const tokenIsFor = (token: string, classId: number): boolean => token.startsWith(`${classId}.`);
