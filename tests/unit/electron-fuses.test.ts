// The packaged app's fuses, read the way electron-builder reads them: its own config loader and
// schema check (app-builder-lib is electron-builder's engine, installed with it at the same version).
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');

describe('build/electron-builder.yml', () => {
  it('is a configuration electron-builder accepts, fuses included', async () => {
    const config = await getConfig(root, 'build/electron-builder.yml', null);
    // Throws on an unknown key, e.g. a misspelt fuse, which would otherwise be left at its default.
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses of Electron’s security checklist', async () => {
    const config = await getConfig(root, 'build/electron-builder.yml', null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('packs the app into app.asar, which onlyLoadAppFromAsar and the integrity check need', async () => {
    const config = await getConfig(root, 'build/electron-builder.yml', null);
    // electron-builder packs an asar unless told `asar: false`.
    expect(config.asar ?? true).not.toBe(false);
  });
});
