/**
 * A Firestore emulator's data: kept in a directory across restarts like an
 * embedded database file, and cleared per project.
 *
 * Layout of a data directory (one writer at a time):
 *
 *   <dataDir>/export-<15-digit ms>/                       the current export (highest number wins)
 *     firestore_export_<n>/                               written by the emulator
 *       firestore_export_<n>.overall_export_metadata      what `--import-data` expects
 *       all_namespaces/all_kinds/all_namespaces_all_kinds.export_metadata
 *       all_namespaces/all_kinds/output-0                 absent when the project is empty
 *   <dataDir>/.incoming-XXXXXX/                           an export in progress (ignored on import)
 *
 * The emulator writes into a fresh `.incoming-*` directory; only once it has
 * finished, and the files are fsynced, is that directory renamed to a new
 * `export-*` name. A rename is atomic, so a crash at any point leaves either
 * the previous export or the new one as the highest complete `export-*`.
 *
 * Behaviour of the Cloud SDK emulator (checked with the 2025 CLI, v528):
 * - an export holds exactly one project: the one named in the request;
 * - an import (`--import-data`) makes those documents visible under EVERY
 *   project id of that emulator. Keep persistent emulators separate from the
 *   shared test emulator, whose tests rely on per-project isolation.
 */
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { makePrivateDir, syncPath } from '../private-files.js';

const EXPORT_DIR = /^export-(\d+)$/;
const INCOMING_PREFIX = '.incoming-';
const METADATA_SUFFIX = '.overall_export_metadata';
/** Leftovers of a crashed export are removed once they are clearly not in progress any more. */
const STALE_INCOMING_MS = 60 * 60 * 1000;

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Export directories of `dataDir`, newest first. */
async function exportDirs(dataDir: string): Promise<{ name: string; seq: number }[]> {
  const found: { name: string; seq: number }[] = [];
  for (const name of await listDir(dataDir)) {
    const match = EXPORT_DIR.exec(name);
    if (match?.[1] !== undefined) found.push({ name, seq: Number(match[1]) });
  }
  return found.sort((a, b) => b.seq - a.seq);
}

/** The `*.overall_export_metadata` file inside one emulator export directory, if any. */
async function metadataIn(exportDir: string): Promise<string | undefined> {
  for (const sub of (await listDir(exportDir))
    .filter((n) => n.startsWith('firestore_export_'))
    .sort()
    .reverse()) {
    const file = (await listDir(path.join(exportDir, sub))).find((n) => n.endsWith(METADATA_SUFFIX));
    if (file !== undefined) return path.join(exportDir, sub, file);
  }
  return undefined;
}

/**
 * Absolute path of the metadata file of the current export in `dataDir`, or
 * undefined when there is none yet (first run, or the directory is missing).
 */
export async function latestExportMetadata(dataDir: string): Promise<string | undefined> {
  const root = path.resolve(dataDir);
  for (const { name } of await exportDirs(root)) {
    const metadata = await metadataIn(path.join(root, name));
    if (metadata !== undefined) return metadata;
  }
  return undefined;
}

/** Flushes every file (and directory entry) below `dir`, so the rename never publishes half-written data. */
async function fsyncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await fsyncTree(full);
    else await syncPath(full);
  }
  await syncPath(dir);
}

/**
 * Asks the emulator at `host` to export `projectId`, then makes that export
 * the current one of `dataDir` and removes older exports.
 */
export async function exportProject(host: string, projectId: string, dataDir: string): Promise<void> {
  const root = path.resolve(dataDir);
  await makePrivateDir(root);
  const incoming = await mkdtemp(path.join(root, INCOMING_PREFIX));
  try {
    const response = await fetch(`http://${host}/emulator/v1/projects/${encodeURIComponent(projectId)}:export`, {
      method: 'POST',
      // Without a JSON content type the emulator answers 404.
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ database: `projects/${projectId}/databases/(default)`, export_directory: incoming }),
      signal: AbortSignal.timeout(10 * 60 * 1000),
    });
    if (!response.ok) {
      throw new Error(
        `Firestore emulator export of ${projectId} failed: HTTP ${response.status} ${await response.text()}`,
      );
    }
    if ((await metadataIn(incoming)) === undefined) {
      throw new Error(`Firestore emulator export of ${projectId} wrote no metadata file into ${incoming}`);
    }
    await fsyncTree(incoming);
    // Strictly increasing, even if the clock went backwards since the previous export.
    const previous = (await exportDirs(root))[0]?.seq ?? 0;
    const target = `export-${String(Math.max(Date.now(), previous + 1)).padStart(15, '0')}`;
    await rename(incoming, path.join(root, target));
    await syncPath(root);
    await removeOlder(root, target);
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    throw error;
  }
}

async function removeOlder(root: string, keep: string): Promise<void> {
  for (const { name } of await exportDirs(root)) {
    if (name !== keep) await rm(path.join(root, name), { recursive: true, force: true });
  }
  for (const name of await listDir(root)) {
    if (!name.startsWith(INCOMING_PREFIX)) continue;
    const full = path.join(root, name);
    const info = await stat(full).catch(() => undefined);
    if (info !== undefined && Date.now() - info.mtimeMs > STALE_INCOMING_MS) {
      await rm(full, { recursive: true, force: true });
    }
  }
}

/** Deletes every document of `projectId` in the emulator at `host`. */
export async function clearEmulatorProject(host: string, projectId: string): Promise<void> {
  const url = `http://${host}/emulator/v1/projects/${encodeURIComponent(projectId)}/databases/(default)/documents`;
  const response = await fetch(url, { method: 'DELETE' });
  if (!response.ok)
    throw new Error(`Clearing emulator project ${projectId} failed: HTTP ${response.status} ${await response.text()}`);
}
