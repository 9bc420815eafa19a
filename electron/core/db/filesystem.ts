import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync, statfsSync } from 'node:fs';
import { StartupError } from './migrate';

/**
 * Network filesystems, as Linux (/proc/self/mountinfo) and macOS (`mount`) name them. SQLite's
 * locking is unreliable on all of them and WAL needs shared memory on one host, so a live database
 * there gets corrupted once two machines write. Hypervisor shared folders and WSL's Windows drives
 * are listed too: they are network filesystems in disguise, with the same broken locks.
 */
const NETWORK_TYPES = new Set([
  'nfs', 'nfs4', 'cifs', 'smb', 'smb2', 'smb3', 'smbfs', 'afpfs', 'afs', 'ncpfs', 'ncp', 'coda', 'ceph', 'glusterfs',
  'lustre', 'gpfs', 'ocfs2', 'gfs2', 'webdav', 'davfs', 'sshfs', '9p', 'v9fs', 'drvfs', 'vboxsf', 'vmhgfs', 'prl_fs',
]);
/** FUSE filesystems that reach over the network (local FUSE ones, like ntfs-3g's fuseblk, are fine). */
const NETWORK_FUSE = /^fuse\.(sshfs|rclone|s3fs|gcsfuse|glusterfs|ceph-fuse|cephfs|juicefs|davfs2?|smbnetfs|curlftpfs|vmhgfs-fuse|goofys)$/;

export function isNetworkFilesystemType(type: string): boolean {
  const t = type.toLowerCase();
  return NETWORK_TYPES.has(t) || NETWORK_FUSE.test(t);
}

/** Linux statfs(2) f_type magic numbers of network filesystems, for when /proc is not there. */
const NETWORK_MAGIC: Record<number, string> = {
  0x6969: 'nfs',
  0x517b: 'smb',
  0xff534d42: 'cifs',
  0xfe534d42: 'smb2',
  0x01021997: '9p',
  0x73757245: 'coda',
  0x5346414f: 'afs',
  0x6b414653: 'afs',
  0x564c: 'ncpfs',
  0x00c36400: 'ceph',
};

export function networkTypeFromStatfsMagic(magic: number): string | null {
  return NETWORK_MAGIC[magic >>> 0] ?? null;
}

function within(path: string, mountPoint: string): boolean {
  return mountPoint === '/' || path === mountPoint || path.startsWith(mountPoint.endsWith('/') ? mountPoint : `${mountPoint}/`);
}

/** The filesystem type of `path` from /proc/self/mountinfo text: the deepest mount that contains it (the last one, if stacked). */
export function fsTypeFromMountinfo(mountinfo: string, path: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mountinfo.split('\n')) {
    const [left, right] = line.split(' - ');
    if (!left || !right) continue;
    const point = left.split(' ')[4]?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    const type = right.split(' ')[0];
    if (!point || !type || !within(path, point)) continue;
    if (!best || point.length >= best.point.length) best = { point, type };
  }
  return best?.type ?? null;
}

/** The filesystem type of `path` from macOS/BSD `mount` output (`//nas/share on /Volumes/share (smbfs, nodev, ...)`). */
export function fsTypeFromBsdMount(mountOutput: string, path: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mountOutput.split('\n')) {
    const match = / on (.+) \(([^,)]+)[^)]*\)\s*$/.exec(line);
    if (!match) continue;
    const point = match[1]!;
    const type = match[2]!.trim();
    if (!within(path, point)) continue;
    if (!best || point.length >= best.point.length) best = { point, type };
  }
  return best?.type ?? null;
}

/** Drive letters `net use` lists as mapped to a network share (`OK  Z:  \\server\share ...`), upper case. */
export function mappedNetworkDrives(netUseOutput: string): Set<string> {
  const drives = new Set<string>();
  for (const match of netUseOutput.matchAll(/(?:^|\s)([A-Za-z]):\s+\\\\\S/gm)) drives.add(`${match[1]!.toUpperCase()}:`);
  return drives;
}

/** Windows: a UNC path (`\\server\share`) or a drive letter mapped to one. */
export function windowsNetworkPath(path: string, mappedDrives: Set<string>): string | null {
  if (/^\\\\[?.]\\(?!UNC\\)/i.test(path)) return null; // \\?\C:\ and \\.\ device paths are local
  if (/^(\\\\|\/\/)/.test(path)) return 'smb (UNC path)';
  const drive = /^([A-Za-z]:)/.exec(path)?.[1]?.toUpperCase();
  return drive && mappedDrives.has(drive) ? `network drive ${drive}` : null;
}

export interface FilesystemInfo {
  /** What the system calls the filesystem (nfs4, cifs, ext4, apfs, ...), when it could be read. */
  type: string | null;
  network: boolean;
}

export type FilesystemProbe = (path: string) => FilesystemInfo;

const quietly = <T>(read: () => T): T | null => {
  try {
    return read();
  } catch {
    return null;
  }
};

/**
 * Reads the filesystem a folder lives on, the way each system allows: mountinfo (falling back to
 * statfs magic numbers) on Linux, `mount` on macOS, UNC paths and `net use` on Windows. Unknown
 * means local: refusing to start on a guess would be worse than the rare share we cannot see.
 */
export const detectFilesystem: FilesystemProbe = (dir) => {
  const path = quietly(() => realpathSync.native(dir)) ?? dir;
  if (process.platform === 'win32') {
    const netUse = quietly(() => execFileSync('net', ['use'], { encoding: 'utf8', timeout: 5000, windowsHide: true })) ?? '';
    const type = windowsNetworkPath(path, mappedNetworkDrives(netUse));
    return { type, network: type !== null };
  }
  if (process.platform === 'linux') {
    const fromMounts = quietly(() => fsTypeFromMountinfo(readFileSync('/proc/self/mountinfo', 'utf8'), path));
    if (fromMounts) return { type: fromMounts, network: isNetworkFilesystemType(fromMounts) };
    const magic = quietly(() => statfsSync(path).type);
    const type = magic === null ? null : networkTypeFromStatfsMagic(magic);
    return { type, network: type !== null };
  }
  const fromMount = quietly(() => fsTypeFromBsdMount(execFileSync('/sbin/mount', { encoding: 'utf8', timeout: 5000 }), path));
  return { type: fromMount, network: fromMount !== null && isNetworkFilesystemType(fromMount) };
};

/** The refusal an admin sees when the data folder is on a share: what is wrong and what to do instead. */
export function networkFilesystemMessage(dir: string, type: string | null): string {
  return (
    `The data folder ${dir} is on a network filesystem (${type ?? 'a network share'}). Lantern CRM keeps its database on a local disk only: ` +
    'SQLite databases get corrupted when they are used over a share (SMB/CIFS, NFS and the like). Move the data folder to a disk of this computer, ' +
    'or run the office server on the machine that holds the data (npm run serve -- --data <local folder>) and connect the other computers to it ' +
    'over the network (README: The office server). Backups may still be written to a share.'
  );
}

export function assertLocalFilesystem(dir: string, probe: FilesystemProbe = detectFilesystem): void {
  const info = probe(dir);
  if (info.network) throw new StartupError(networkFilesystemMessage(dir, info.type));
}
