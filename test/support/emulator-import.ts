import { latestExportMetadata } from '../../functions/src/adapters/store/emulator-persistence.js';

/**
 * Loads the current export of an embedded data folder (what the CLI saved) into one project of a running emulator,
 * such as the shared test one: the emulator's import endpoint fills only the project it names, unlike
 * `--import-data` at start, which shows the documents under every project id.
 */
export async function importDataDir(host: string, projectId: string, dataDir: string): Promise<void> {
  const metadata = await latestExportMetadata(dataDir);
  if (metadata === undefined) throw new Error(`No Firestore export in ${dataDir} to import into ${projectId}`);
  const response = await fetch(`http://${host}/emulator/v1/projects/${encodeURIComponent(projectId)}:import`, {
    method: 'POST',
    // As for the export: without a JSON content type the emulator answers 404.
    headers: { 'Content-Type': 'application/json' },
    // The endpoint takes the metadata file's path as its export_directory, as --import-data does.
    body: JSON.stringify({ database: `projects/${projectId}/databases/(default)`, export_directory: metadata }),
  });
  if (!response.ok) {
    throw new Error(
      `Firestore emulator import into ${projectId} failed: HTTP ${response.status} ${await response.text()}`,
    );
  }
}
