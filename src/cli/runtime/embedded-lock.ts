import { mkdir, open, readFile, rm } from "node:fs/promises";
import { dirname } from "node:path";

/** A held lock: release it when the database is closed. */
export interface HeldLock {
  /** Removes the lock file. */
  release(): Promise<void>;
}

/** Whether a process with this id runs (a lock left by a process that died is stale). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: unknown }).code === "EPERM";
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes the lock of the embedded database: a file holding the process id, created exclusively. An embedded
 * PGlite database must be opened by one process at a time (two would overwrite each other's writes), so a second
 * `paylinks` command waits for the first to finish. A lock whose process no longer runs is taken over.
 *
 * @param path - The lock file, next to the database folder.
 * @param waitMs - How long to wait for another process before giving up.
 * @returns The lock, or the id of the process that holds it after `waitMs`.
 */
export async function lockEmbedded(path: string, waitMs: number): Promise<HeldLock | { readonly busyPid: number }> {
  await mkdir(dirname(path), { recursive: true });
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(path, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as { code?: unknown }).code !== "EEXIST") throw error;
    }
    const pid = Number.parseInt(await readFile(path, "utf8").catch(() => ""), 10);
    if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isRunning(pid)) {
      // Stale (or half written: retry once it is complete, or take it over if it stays empty).
      if (Number.isInteger(pid) || Date.now() > deadline) await rm(path, { force: true });
      else await sleep(50);
      continue;
    }
    if (Date.now() > deadline) return { busyPid: pid };
    await sleep(100);
  }
}
