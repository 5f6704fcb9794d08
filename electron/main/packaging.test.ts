import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The configuration electron-builder reads for `npm run dist`, and the arguments the script gives it.
import config from '../../electron-builder.config.mjs';
import { builderArgs } from '../../scripts/dist-args.mjs';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(join(root, 'package.json'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string; productName: string };

// Electron's binary cannot be downloaded on our build machines, so the installer is never built in
// a test; the configuration is held instead to the schema electron-builder itself checks it with.
const validateWithBuilderSchema = (value: unknown) => {
  const { validateSchema } = require('app-builder-lib/out/util/config/schemaValidator.js') as {
    validateSchema: (schema: unknown, data: unknown, options?: { name?: string }) => void;
  };
  validateSchema(require('app-builder-lib/scheme.json'), value, { name: 'electron-builder' });
};

const targets = (platform: { target?: unknown } | null | undefined) =>
  (Array.isArray(platform?.target) ? platform.target : []).map((t: unknown) =>
    typeof t === 'string' ? { target: t, arch: [] } : (t as { target: string; arch: string[] }),
  );

describe('the packaged app', () => {
  it('is a configuration electron-builder accepts', () => {
    expect(() => validateWithBuilderSchema(config)).not.toThrow();
    // And the check can fail: a misspelt option is refused.
    expect(() => validateWithBuilderSchema({ ...config, nsis: { ...config.nsis, oneClik: false } })).toThrow(
      /configuration\.nsis/,
    );
  });

  it('is named in Chinese, files in ASCII, its version the package’s, with an icon big enough for every size', () => {
    expect(config.productName).toBe('党校培训班管理');
    expect(config.productName).toBe(pkg.productName);
    expect(config.executableName).toMatch(/^[a-z0-9-]+$/);
    expect(config.extraMetadata?.version).toBeUndefined();
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    for (const name of [config.nsis?.artifactName, config.linux?.artifactName]) {
      expect(name).toMatch(/^[\x20-\x7e]+$/);
      expect(name).toContain('${version}');
      expect(name).toContain('${arch}');
    }
    expect(config.nsis?.shortcutName).toBe('党校培训班管理');
    expect(config.linux?.desktop?.entry).toMatchObject({ Name: '党校培训班管理', 'Name[en]': 'Cadre Training Desk' });
    // A PNG of at least 256 × 256 (electron-builder makes the .ico and the Linux sizes from it).
    const icon = readFileSync(join(root, config.win?.icon ?? ''));
    expect(icon.subarray(1, 4).toString()).toBe('PNG');
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(icon.readUInt32BE(20)).toBeGreaterThanOrEqual(256);
  });

  it('builds an NSIS installer for Windows x64, and .deb and AppImage for Linux x64 and arm64', () => {
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, allowToChangeInstallationDirectory: true });
    const linux = targets(config.linux);
    expect(linux.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    for (const target of linux) expect(target.arch).toEqual(['x64', 'arm64']);
  });

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

  it('ships its own Electron build of better-sqlite3 outside the asar and never rebuilds node_modules', () => {
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toContainEqual({
      from: '.electron-native/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    // The Node build in node_modules (tests, CLI) is left out of the package.
    expect(config.files).toEqual(expect.arrayContaining(['out/**', '!node_modules/better-sqlite3/build/**']));
  });

  it('packages for the machine it runs on, unless told otherwise', () => {
    expect(builderArgs('win32', 'x64')).toEqual([
      '--config',
      'electron-builder.config.mjs',
      '--publish',
      'never',
      '--win',
      '--x64',
    ]);
    expect(builderArgs('linux', 'arm64').slice(-2)).toEqual(['--linux', '--arm64']);
    expect(builderArgs('linux', 'x64', ['--arm64', '--dir']).slice(-3)).toEqual(['--linux', '--arm64', '--dir']);
    expect(() => builderArgs('aix', 'ppc64')).toThrow(/aix/);
  });
});
