// `npm test`: typecheck, lint, unit tests (vitest) and e2e (Playwright), then one honest total over every runner.
// Every stage runs even when an earlier one failed. The very last line printed is exactly `N passed, N failed`.
// Skipped and todo tests are counted and shown per stage; under CI (CI=1) each one counts as a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const reports = join(root, 'reports');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

type StageResult = { name: string; passed: number; failed: number; skipped: number; seconds: number; note: string };
type Counts = { passed: number; failed: number; skipped: number };

/** CI=1 (or true): a skipped or todo test is a failure, since nothing would ever run it. */
const strictSkips = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== '0' && process.env.CI !== 'false';

/** Runs a command with the terminal attached; returns its exit code (1 when it could not start). */
function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`could not run ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

function timed(name: string, body: () => Omit<StageResult, 'name' | 'seconds'>): StageResult {
  console.log(`\n=== ${name} ===`);
  const start = performance.now();
  const result = body();
  return { name, ...result, seconds: (performance.now() - start) / 1000 };
}

/** A stage that is one test: it passes when the command exits 0. */
function single(name: string, command: string, args: string[]): StageResult {
  return timed(name, () => {
    const code = run(command, args);
    return code === 0 ? { passed: 1, failed: 0, skipped: 0, note: '' } : { passed: 0, failed: 1, skipped: 0, note: `exit code ${code}` };
  });
}

/**
 * Counts from a runner's JSON report. A runner that exits non-zero without a failed test in its report
 * (crash, no tests found, web server down, unhandled error) counts as one failure, so nothing fails silently.
 * Under CI every skipped or todo test also counts as a failure.
 */
function fromReport(code: number, counts: Counts | null): Omit<StageResult, 'name' | 'seconds'> {
  if (!counts) return { passed: 0, failed: 1, skipped: 0, note: `no JSON report (exit code ${code})` };
  const notes: string[] = [];
  let failed = counts.failed;
  if (code !== 0 && counts.failed === 0) {
    failed = 1;
    notes.push(`exit code ${code} with no failed test in the report`);
  } else if (code !== 0) {
    notes.push(`exit code ${code}`);
  }
  if (strictSkips && counts.skipped > 0) {
    failed += counts.skipped;
    notes.push(`CI: ${counts.skipped} skipped/todo counted as failed`);
  }
  return { passed: counts.passed, failed, skipped: counts.skipped, note: notes.join('; ') };
}

function vitestCounts(path: string): Counts | null {
  const report = readJson(path) as { numPassedTests?: number; numFailedTests?: number; numPendingTests?: number; numTodoTests?: number } | null;
  if (!report || typeof report.numPassedTests !== 'number') return null;
  return { passed: report.numPassedTests, failed: report.numFailedTests ?? 0, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

function playwrightCounts(path: string): Counts | null {
  const report = readJson(path) as { stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number } } | null;
  if (!report?.stats || typeof report.stats.expected !== 'number') return null;
  return {
    passed: report.stats.expected + (report.stats.flaky ?? 0),
    failed: report.stats.unexpected ?? 0,
    skipped: report.stats.skipped ?? 0,
  };
}

mkdirSync(reports, { recursive: true });
const stages: StageResult[] = [];

if (!existsSync(join(root, 'public', 'data', 'manifest.json'))) {
  const data = single('data (public/data missing: npm run data)', 'npm', ['run', 'data']);
  // Building the data is a prerequisite, not a test; it only counts when it fails.
  if (data.failed > 0) stages.push(data);
}

stages.push(single('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
stages.push(single('lint', bin('eslint'), ['.']));

const unitReport = join(reports, 'unit.json');
rmSync(unitReport, { force: true });
stages.push(
  timed('unit (vitest)', () => {
    const code = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
    return fromReport(code, vitestCounts(unitReport));
  }),
);

const e2eReport = join(reports, 'e2e.json');
rmSync(e2eReport, { force: true });
stages.push(
  timed('e2e (playwright)', () => {
    // CI=1: always build and serve a fresh bundle, never reuse a server someone left running.
    const code = run(bin('playwright'), ['test'], { CI: '1', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' });
    return fromReport(code, playwrightCounts(e2eReport));
  }),
);

const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
const lines = stages.map(
  (s) => `${s.name}: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped (${s.seconds.toFixed(1)} s)${s.note ? ` [${s.note}]` : ''}`,
);
const total = `${passed} passed, ${failed} failed`;
writeFileSync(join(reports, 'summary.txt'), `${[...lines, total].join('\n')}\n`);
console.log('\n=== summary ===');
for (const line of lines) console.log(line);
console.log(total);
process.exitCode = failed > 0 ? 1 : 0;
