// `npm run data:download`: fetches the Boston datasets from Analyze Boston (CKAN) into a folder laid out like ../shared/data.
//
// Usage: npm run data:download [-- --years 2015,2024]
// Target: $HRM_DATA_DIR, else ./data-download. Writes boston/needle-requests-<year>.csv (the Needle Pickup rows of each
// yearly 311 export, unchanged), boston/neighborhoods.geojson and boston/open-space.geojson. Then build with
// `HRM_DATA_DIR=<target> npm run data`. The OpenStreetMap street files (basemap/) are not on Analyze Boston: copy
// them from ../shared/data/basemap (see its MANIFEST.md for their source).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  PACKAGE_311,
  PACKAGE_NEIGHBORHOODS,
  extractNeedlePickupCsv,
  geojsonResource,
  packageShowUrl,
  yearly311CsvResources,
} from '../src/datasets/analyze-boston';
import { parse311Csv } from '../src/datasets/parse-311-csv';

const PACKAGE_OPEN_SPACE = 'open-space';
const USER_AGENT = 'boston-harm-reduction-map data:download';

async function get(url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'User-Agent': USER_AGENT } });
  } catch (e) {
    const cause = (e as Error & { cause?: Error }).cause?.message;
    throw new Error(`${url}: ${(e as Error).message}${cause ? ` (${cause})` : ''}`, { cause: e });
  }
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return response;
}

async function getJson(url: string): Promise<unknown> {
  return (await get(url)).json() as Promise<unknown>;
}

function parseYears(argv: string[]): Set<number> | null {
  const i = argv.indexOf('--years');
  if (i < 0) return null;
  const years = (argv[i + 1] ?? '').split(',').map(Number).filter((y) => Number.isInteger(y) && y > 2000);
  if (years.length === 0) throw new Error('--years needs a comma-separated list, e.g. --years 2015,2024');
  return new Set(years);
}

async function downloadGeojson(packageId: string, file: string): Promise<void> {
  const resource = geojsonResource(await getJson(packageShowUrl(packageId)));
  if (resource === null) throw new Error(`package ${packageId} has no GeoJSON resource`);
  const text = await (await get(resource.url)).text();
  JSON.parse(text); // fail here, not in the build, if the download is not JSON
  await writeFile(file, text);
  console.log(`  ${path.basename(file)}  ← ${resource.url}`);
}

async function main(): Promise<void> {
  const target = path.resolve(process.env.HRM_DATA_DIR?.trim() || 'data-download');
  const years = parseYears(process.argv.slice(2));
  const bostonDir = path.join(target, 'boston');
  await mkdir(bostonDir, { recursive: true });
  console.log(`Downloading Analyze Boston data into ${target}`);

  const failures: string[] = [];
  const resources = yearly311CsvResources(await getJson(packageShowUrl(PACKAGE_311))).filter((r) => years === null || years.has(r.year));
  if (resources.length === 0) failures.push(`no yearly 311 CSV matched${years ? ` the years ${[...years].join(', ')}` : ''}`);
  for (const r of resources) {
    try {
      const extract = extractNeedlePickupCsv(await (await get(r.url)).text());
      const file = path.join(bostonDir, `needle-requests-${r.year}.csv`);
      await writeFile(file, extract.csv);
      const check = parse311Csv(extract.csv, { dataset: `needle-requests-${r.year}` });
      console.log(
        `  ${path.basename(file)}  ${extract.rowsKept} Needle Pickup rows of ${extract.rowsRead} ` +
          `(${check.rows.length} usable, ${check.rejected.length} to be rejected by the build)  ← ${r.name}`,
      );
    } catch (e) {
      failures.push(`${r.name}: ${(e as Error).message}`);
    }
  }
  for (const [pkg, file] of [
    [PACKAGE_NEIGHBORHOODS, 'neighborhoods.geojson'],
    [PACKAGE_OPEN_SPACE, 'open-space.geojson'],
  ] as const) {
    try {
      await downloadGeojson(pkg, path.join(bostonDir, file));
    } catch (e) {
      failures.push(`${file}: ${(e as Error).message}`);
    }
  }

  console.log(`\nNext: copy the OpenStreetMap street files into ${path.join(target, 'basemap')} (see ../shared/data/basemap/MANIFEST.md),`);
  console.log(`then run: HRM_DATA_DIR=${path.relative(process.cwd(), target) || '.'} npm run data`);
  if (failures.length > 0) throw new Error(`data:download: ${failures.length} download(s) failed:\n  ${failures.join('\n  ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
