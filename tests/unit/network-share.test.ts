import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { networkShareKind } from '../../electron/core/db/network-share';

describe('the embedded database refuses a network share', () => {
  it.each([
    [0x6969, 'NFS'],
    [0xff534d42, 'CIFS'],
    [0xfe534d42, 'SMB2'],
    [0x517b, 'SMB'],
  ])('recognizes file system type %i as %s', (type, kind) => {
    expect(networkShareKind('/mnt/team/dispatch', 'linux', () => type)).toBe(kind);
  });

  it.each([
    [0xef53, 'ext4'],
    [0x58465342, 'XFS'],
    [0x01021994, 'tmpfs'],
    [0x9123683e, 'Btrfs'],
  ])('accepts local file system type %i (%s)', (type) => {
    expect(networkShareKind('/home/desk/.config/Dispatch Console', 'linux', () => type)).toBeNull();
  });

  it('treats a Windows UNC path as a share and a drive letter as local', () => {
    expect(networkShareKind('\\\\fileserver\\it\\dispatch', 'win32')).toBe('a Windows network share');
    expect(networkShareKind('C:\\Users\\desk\\AppData\\Roaming\\Dispatch Console', 'win32')).toBeNull();
  });

  it("accepts this machine's temporary folder, even before the data folder exists", () => {
    expect(networkShareKind(`${os.tmpdir()}/not-created-yet/data`)).toBeNull();
  });
});
