import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Folders the bench is done with are moved aside, not deleted, until the run ends. On a file system
 * without a journal (this machine's ext4), the kernel avoids reusing an inode freed in the last
 * minutes and checks every such inode before it finds a free one, so a build that creates tens of
 * thousands of files right after tens of thousands were deleted pays for it in system time
 * (measured at 11.2k papers, the last output deleted vs moved aside: our full build 47–49 s vs
 * 41–45 s, 16 s of system time vs 10–11 s; Hugo + Pagefind 25–28 s vs 18–19 s). Deleting right
 * before a measured build would charge it for the bench's clean-up of the last one.
 */

let trash: string | undefined;
let moved = 0;

/**
 * Moves `path` into the run's trash folder (on the temp dir's file system) and says where; undefined
 * when there was nothing to move, or it was deleted as it was on another file system.
 */
export async function moveAside(path: string): Promise<string | undefined> {
  trash ??= await mkdtemp(join(tmpdir(), 'paperboy-bench-trash-'));
  const target = join(trash, String(moved++));
  try {
    await rename(path, target);
    return target;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code !== 'EXDEV') throw error;
    // Not on the temp dir's file system (never so for the bench's own folders): deleted after all.
    console.error(`  ${path} is on another file system: deleted, not moved aside`);
    await rm(path, { recursive: true, force: true });
    return undefined;
  }
}

/**
 * Deletes everything moved aside; called once the run has measured everything. A run holds all its
 * outputs until then (at 10k papers ~3 GB; far more with `--papers 100000`).
 */
export async function emptyTrash(): Promise<void> {
  if (trash) await rm(trash, { recursive: true, force: true });
  trash = undefined;
}
