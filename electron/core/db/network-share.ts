import fs from 'node:fs';
import path from 'node:path';

// statfs f_type magic numbers of network file systems (linux/magic.h and the filesystems' own).
const networkFileSystems = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS'],
  [0xfe534d42, 'SMB2'],
  [0x564c, 'NCP'],
  [0x5346414f, 'AFS'],
  [0x6b414653, 'AFS'],
  [0x19830326, 'FhGFS'],
  [0x47504653, 'GPFS'],
  [0x0bd00bd0, 'Lustre'],
  [0x013111a8, 'IBRIX'],
  [0x65735546, 'FUSE (often sshfs or a mounted cloud drive)'],
]);

/**
 * The kind of network file system a folder lives on, or null for a local disk. SQLite's locking
 * and WAL's shared memory need a local disk: on a share, two workstations can corrupt the file.
 */
export function networkShareKind(
  folder: string,
  platform: NodeJS.Platform = process.platform,
  statfsType: (dir: string) => number | null = (dir) => {
    try {
      return fs.statfsSync(dir).type;
    } catch {
      return null;
    }
  },
): string | null {
  // A UNC path (\\server\share\…) is a network location by definition on Windows.
  if (platform === 'win32') return /^(\\\\|\/\/)(?![?.]\\)/.test(folder) ? 'a Windows network share' : null;
  const type = statfsType(existingAncestor(folder));
  return type === null ? null : (networkFileSystems.get(type) ?? null);
}

/** The folder itself or its nearest existing parent (the data folder may not exist yet). */
function existingAncestor(folder: string): string {
  let current = path.resolve(folder);
  while (!fs.existsSync(current)) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
