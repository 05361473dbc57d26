import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chooseDatabase,
  machineConfigDir,
  MACHINE_CONFIG_FILE_NAME,
  parseMachineConfig,
} from '../../electron/core/machine-config';

describe('the machine-wide database setting', () => {
  let dir: string;
  let configFile: string;
  const dataDir = '/home/agent/.config/Dispatch Console';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dispatch-machine-config-'));
    configFile = path.join(dir, MACHINE_CONFIG_FILE_NAME);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const choose = (env: NodeJS.ProcessEnv = {}) => chooseDatabase({ env, configFile, dataDir });

  it('uses the shared PostgreSQL database named in dispatch-console.json', () => {
    fs.writeFileSync(configFile, JSON.stringify({ database: 'postgres://dispatch:secret@db.example:5432/dispatch' }));
    expect(choose()).toEqual({
      ok: true,
      database: { kind: 'postgres', url: 'postgres://dispatch:secret@db.example:5432/dispatch' },
      source: configFile,
    });
  });

  it('reads a file saved by Notepad with a byte-order mark', () => {
    fs.writeFileSync(configFile, '\uFEFF{ "database": "postgresql://db.example/dispatch" }\r\n');
    expect(choose()).toMatchObject({
      ok: true,
      database: { kind: 'postgres', url: 'postgresql://db.example/dispatch' },
    });
  });

  it("keeps each user's data in SQLite in their data folder when there is no file", () => {
    expect(choose()).toEqual({
      ok: true,
      database: { kind: 'sqlite', file: path.join(dataDir, 'dispatch.sqlite') },
      source: 'default',
    });
  });

  it('prefers DISPATCH_DATABASE_URL over the file', () => {
    fs.writeFileSync(configFile, JSON.stringify({ database: 'postgres://from-file/dispatch' }));
    expect(choose({ DISPATCH_DATABASE_URL: 'postgres://from-env/dispatch' })).toMatchObject({
      ok: true,
      database: { url: 'postgres://from-env/dispatch' },
      source: 'DISPATCH_DATABASE_URL',
    });
  });

  it('refuses to start on malformed JSON, naming the file, rather than fall back to a local database', () => {
    fs.writeFileSync(configFile, '{ "database": "postgres://db.example/dispatch", }');
    const choice = choose();
    expect(choice.ok).toBe(false);
    if (!choice.ok) expect(choice.message).toContain(`${configFile} is not valid JSON`);
  });

  it.each([
    ['a MySQL URL', { database: 'mysql://db.example/dispatch' }],
    ['a file path', { database: 'C:\\data\\dispatch.sqlite' }],
    ['an empty string', { database: '' }],
    ['no database at all', {}],
    ['a misspelt key', { databse: 'postgres://db.example/dispatch' }],
    ['a number', { database: 5432 }],
  ])('refuses %s, naming the file', (_label, content) => {
    fs.writeFileSync(configFile, JSON.stringify(content));
    const choice = choose();
    expect(choice.ok).toBe(false);
    if (!choice.ok) expect(choice.message).toContain(configFile);
  });

  it('never echoes the URL (and its password) in an error', () => {
    const parsed = parseMachineConfig(JSON.stringify({ database: 'mysql://dispatch:hunter2@db/dispatch' }), 'x.json');
    expect(parsed).toEqual({
      ok: false,
      message: 'x.json is not a valid Dispatch Console setting: "database" must be a postgres:// or postgresql:// URL.',
    });
  });

  it('does not quote the broken text of a JSON error (it may hold the password)', () => {
    const parsed = parseMachineConfig('{"database": postgres://dispatch:hunter2@db/dispatch}', 'x.json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toMatch(/^x\.json is not valid JSON/);
      expect(parsed.message).not.toMatch(/hunter2|postgres:/);
    }
  });

  it('refuses a non-PostgreSQL DISPATCH_DATABASE_URL', () => {
    expect(choose({ DISPATCH_DATABASE_URL: 'sqlite:///tmp/x.sqlite' })).toEqual({
      ok: false,
      message: 'DISPATCH_DATABASE_URL must be a postgres:// or postgresql:// URL.',
    });
  });

  it.each([
    ['win32', { ProgramData: 'D:\\ProgramData' }, 'D:\\ProgramData\\Dispatch Console'],
    ['linux', {}, '/etc/dispatch-console'],
    ['darwin', {}, '/Library/Application Support/Dispatch Console'],
  ] as const)('keeps the file in the machine-wide folder on %s', (platform, env, expected) => {
    expect(machineConfigDir(platform, env)).toBe(expected);
  });
});
