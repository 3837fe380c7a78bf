import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import en from '../../../src/app/i18n/en.json';
import { TOOLS } from '../../../src/app/tool-registry';
import { SHELL_URL_KEYS } from '../../../src/app/url-state';

const lookup = (key: string): unknown => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), en);

describe('tool registry', () => {
  it('gives every tool a tab label in the English strings', () => {
    for (const tool of TOOLS) expect(typeof lookup(tool.labelKey), tool.labelKey).toBe('string');
  });

  it('has unique ids that are kebab-case, each a folder under src/tools', () => {
    const folders = readdirSync(new URL('../../../src/tools/', import.meta.url));
    const ids = TOOLS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(folders).toContain(id);
    }
  });

  it('never gives one URL key to two tools, nor a shell key to a tool', () => {
    const keys = TOOLS.flatMap((t) => [...t.slice.urlKeys]);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of SHELL_URL_KEYS) expect(keys).not.toContain(k);
  });

  it('lint stops any tool folder, even a new one, importing another tool', async () => {
    const eslint = new ESLint({ cwd: new URL('../../../', import.meta.url).pathname });
    const [result] = await eslint.lintText("import { layersSlice } from '../layers/layers-state';\nexport const x = layersSlice;\n", {
      filePath: 'src/tools/zones/not-a-file.ts',
    });
    expect(result?.messages.map((m) => m.message).join('\n')).toMatch(/never imports another tool/);
    // Loading ESLint with the project's config takes seconds on a busy machine; this is not a speed test.
  }, 60_000);
});
