// `npm start` runs this first: builds public/data when it is missing or older than a curated file in data/, else says it is up to date.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_FILES } from '../src/config/city';
import { dataManifestSchema } from '../src/datasets/load-data';
import { NEEDLE_COLUMNS_VERSION } from '../src/domain/needle-request';
import { REPO_ROOT, resolveOutDir, runBuildData } from './build-data';

/** Why the data must be (re)built, or null when public/data is up to date. */
export function staleReason(outDir: string, curatedFiles: readonly string[]): string | null {
  const manifestFile = path.join(outDir, 'manifest.json');
  if (!existsSync(manifestFile)) return `${path.relative(REPO_ROOT, manifestFile)} is missing`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    json = undefined;
  }
  const parsed = dataManifestSchema.safeParse(json);
  if (!parsed.success) return `${path.relative(REPO_ROOT, manifestFile)} is malformed`;
  const built = statSync(manifestFile).mtimeMs;
  for (const file of curatedFiles) {
    if (existsSync(file) && statSync(file).mtimeMs > built) return `${path.relative(REPO_ROOT, file)} changed since the last build`;
  }
  for (const d of parsed.data.datasets) {
    for (const out of d.outputs) {
      if (!existsSync(path.join(outDir, out))) return `${out} is missing`;
    }
  }
  // A file the app now loads that an older pipeline did not write (e.g. the walking graph, the geocoder index).
  for (const file of Object.values(DATA_FILES)) {
    const name = file.replace(/^data\//, '');
    if (!existsSync(path.join(outDir, name))) return `${name} is missing`;
  }
  const needleFile = DATA_FILES.needleRequests.replace(/^data\//, '');
  if (existsSync(path.join(outDir, needleFile))) {
    let version: unknown;
    try {
      version = (JSON.parse(readFileSync(path.join(outDir, needleFile), 'utf8')) as { version?: unknown } | null)?.version;
    } catch {
      return `${needleFile} is malformed`;
    }
    if (version !== NEEDLE_COLUMNS_VERSION) return `${needleFile} is version ${String(version)}, the app reads version ${NEEDLE_COLUMNS_VERSION}`;
  }
  return null;
}

async function main(): Promise<void> {
  const outDir = resolveOutDir();
  const reason = staleReason(outDir, ['sites.csv', 'phone-services.csv'].map((f) => path.join(REPO_ROOT, 'data', f)));
  if (reason === null) {
    console.log(`data up to date (${path.relative(REPO_ROOT, outDir)}; run \`npm run data\` to rebuild)`);
    return;
  }
  console.log(`Building data: ${reason}.`);
  await runBuildData();
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
