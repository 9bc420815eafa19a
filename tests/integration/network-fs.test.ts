import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/core/backend';
import { silentLogger } from '../../electron/core/context';
import {
  detectFilesystem,
  fsTypeFromBsdMount,
  fsTypeFromMountinfo,
  isNetworkFilesystemType,
  mappedNetworkDrives,
  networkTypeFromStatfsMagic,
  windowsNetworkPath,
} from '../../electron/core/db/filesystem';
import { StartupError } from '../../electron/core/db/migrate';
import { makeTempDir } from '../helpers/temp';

const MOUNTINFO = [
  '22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw',
  '25 22 0:22 / /proc rw,nosuid,nodev,noexec,relatime shared:12 - proc proc rw',
  '98 22 0:45 / /srv/office rw,relatime shared:50 - nfs4 nas.local:/export/office rw,vers=4.2,addr=10.0.0.5',
  '99 98 259:3 / /srv/office/local-cache rw,relatime shared:51 - ext4 /dev/nvme0n1p3 rw',
  '101 22 0:47 / /mnt/shared\\040drive rw,relatime shared:52 - cifs //fileserver/shared rw,vers=3.1.1',
  '102 22 0:48 / /home/ana/remote rw,nosuid,nodev,relatime shared:53 - fuse.sshfs ana@build:/data rw,user_id=1000',
  '103 22 0:49 / /mnt/c rw,noatime shared:54 - 9p drvfs rw,aname=drvfs',
].join('\n');

describe('telling a network filesystem from a local disk', () => {
  it('reads the type of the deepest mount holding a path from /proc/self/mountinfo', () => {
    expect(fsTypeFromMountinfo(MOUNTINFO, '/home/ana/lantern')).toBe('ext4');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/srv/office/lantern')).toBe('nfs4');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/srv/office')).toBe('nfs4');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/srv/office/local-cache/db')).toBe('ext4');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/srv/officeX/db')).toBe('ext4');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/mnt/shared drive/Lantern CRM')).toBe('cifs');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/home/ana/remote/x')).toBe('fuse.sshfs');
    expect(fsTypeFromMountinfo(MOUNTINFO, '/mnt/c/Users/ana')).toBe('9p');
  });

  it('reads the type from macOS `mount` output', () => {
    const mount = [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse, protect)',
      '//ana@nas._smb._tcp.local/Office on /Volumes/Office (smbfs, nodev, nosuid, mounted by ana)',
      'nas.local:/export on /Volumes/export (nfs, asynchronous)',
      'afp_0TQ7hC000000 on /Volumes/Old Share (afpfs, nodev, nosuid, mounted by ana)',
    ].join('\n');
    expect(fsTypeFromBsdMount(mount, '/Users/ana/Library/Application Support/Lantern CRM')).toBe('apfs');
    expect(fsTypeFromBsdMount(mount, '/Volumes/Office/Lantern')).toBe('smbfs');
    expect(fsTypeFromBsdMount(mount, '/Volumes/export/db')).toBe('nfs');
    expect(fsTypeFromBsdMount(mount, '/Volumes/Old Share/x')).toBe('afpfs');
  });

  it('knows which types are network filesystems', () => {
    for (const type of ['nfs', 'nfs4', 'cifs', 'smb3', 'smbfs', 'afpfs', '9p', 'fuse.sshfs', 'fuse.rclone', 'webdav', 'davfs', 'ceph', 'glusterfs', 'vboxsf', 'NFS4']) {
      expect(isNetworkFilesystemType(type), type).toBe(true);
    }
    for (const type of ['ext4', 'xfs', 'btrfs', 'zfs', 'apfs', 'hfs', 'ntfs', 'fuseblk', 'tmpfs', 'overlay', 'fuse.portal']) {
      expect(isNetworkFilesystemType(type), type).toBe(false);
    }
  });

  it('reads statfs magic numbers when /proc is not there', () => {
    expect(networkTypeFromStatfsMagic(0x6969)).toBe('nfs');
    expect(networkTypeFromStatfsMagic(0xff534d42)).toBe('cifs');
    expect(networkTypeFromStatfsMagic(0xff534d42 | 0)).toBe('cifs'); // as a signed 32-bit number
    expect(networkTypeFromStatfsMagic(0xef53)).toBeNull(); // ext4
  });

  it('on Windows, refuses UNC paths and drives mapped to a share, but not local or device paths', () => {
    const netUse = [
      'New connections will be remembered.',
      '',
      'Status       Local     Remote                    Network',
      '-------------------------------------------------------------------------------',
      'OK           Z:        \\\\fileserver\\office       Microsoft Windows Network',
      'Unavailable  y:        \\\\nas\\backup               Microsoft Windows Network',
      'The command completed successfully.',
    ].join('\r\n');
    const drives = mappedNetworkDrives(netUse);
    expect([...drives].sort()).toEqual(['Y:', 'Z:']);
    expect(windowsNetworkPath('Z:\\Lantern', drives)).toBe('network drive Z:');
    expect(windowsNetworkPath('\\\\fileserver\\office\\Lantern', drives)).toBe('smb (UNC path)');
    expect(windowsNetworkPath('\\\\?\\UNC\\fileserver\\office', drives)).toBe('smb (UNC path)');
    expect(windowsNetworkPath('C:\\Users\\ana\\AppData\\Roaming\\Lantern CRM', drives)).toBeNull();
    expect(windowsNetworkPath('\\\\?\\C:\\Lantern', drives)).toBeNull();
  });

  it('finds the test folder on a local disk', () => {
    const temp = makeTempDir();
    try {
      expect(detectFilesystem(temp.dir).network).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});

describe('a data folder on a network filesystem', () => {
  it('is refused before anything is opened, with a message explaining the office-server mode', async () => {
    for (const type of ['nfs4', 'cifs']) {
      const temp = makeTempDir();
      try {
        const error = await createBackend({
          dataDir: temp.dir,
          logger: silentLogger,
          requireSetupCode: false,
          filesystemProbe: () => ({ type, network: true }),
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StartupError);
        const message = (error as Error).message;
        expect(message).toContain(`The data folder ${temp.dir} is on a network filesystem (${type}).`);
        expect(message).toMatch(/SQLite databases get corrupted/);
        expect(message).toMatch(/run the office server on the machine that holds the data \(npm run serve -- --data <local folder>\)/);
        expect(readdirSync(temp.dir)).toEqual([]);
      } finally {
        temp.cleanup();
      }
    }
  });

  it('probes the data folder itself, and a local one starts normally', async () => {
    const temp = makeTempDir();
    const seen: string[] = [];
    try {
      const backend = await createBackend({
        dataDir: join(temp.dir, 'data'),
        logger: silentLogger,
        requireSetupCode: false,
        scheduledBackups: false,
        filesystemProbe: (dir) => {
          seen.push(dir);
          return detectFilesystem(dir);
        },
      });
      backend.close();
      expect(seen).toEqual([join(temp.dir, 'data')]);
    } finally {
      temp.cleanup();
    }
  });
});
