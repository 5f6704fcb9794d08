import { describe, expect, it } from 'vitest';
// The configuration electron-builder reads for `npm run dist`.
import config from '../../electron-builder.config.mjs';

describe('the packaged app', () => {
  it('turns off Electron fuses that would let another program run code as the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships its own Electron build of better-sqlite3 and never rebuilds node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: '.electron-native/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
  });
});
