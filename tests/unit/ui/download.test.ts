// Tests for the download helper: one hidden link, clicked once, with the file's name, content and type.
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadFile } from '../../../src/ui/download';

type FakeLink = { href: string; download: string; style: { display: string }; click: () => void; remove: () => void };

let links: FakeLink[] = [];
let appended: FakeLink[] = [];
let clicks: { href: string; download: string; attached: boolean }[] = [];

beforeEach(() => {
  links = [];
  appended = [];
  clicks = [];
  vi.useFakeTimers();
  vi.stubGlobal('document', {
    createElement: (tag: string) => {
      expect(tag).toBe('a');
      const link: FakeLink = {
        href: '',
        download: '',
        style: { display: '' },
        click: () => clicks.push({ href: link.href, download: link.download, attached: appended.includes(link) }),
        remove: () => {
          appended = appended.filter((l) => l !== link);
        },
      };
      links.push(link);
      return link;
    },
    body: { append: (link: FakeLink) => appended.push(link) },
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('downloadFile', () => {
  it('clicks one hidden, attached link named after the file, then removes it', () => {
    downloadFile({ name: 'outreach-zones.geojson', content: '{}', mimeType: 'application/geo+json' });
    expect(links).toHaveLength(1);
    expect(clicks).toEqual([{ href: links[0]?.href, download: 'outreach-zones.geojson', attached: true }]);
    expect(links[0]?.style.display).toBe('none');
    expect(appended).toEqual([]);
  });

  it('saves a string with the given MIME type', async () => {
    downloadFile({ name: 'a.json', content: '{"a":1}', mimeType: 'application/json' });
    const blob = resolveObjectURL(links[0]?.href ?? '');
    expect(blob?.type).toBe('application/json');
    expect(await blob?.text()).toBe('{"a":1}');
  });

  it('saves a Blob as it is', async () => {
    downloadFile({ name: 'a.csv', content: new Blob(['x,y\n'], { type: 'text/csv' }), mimeType: 'ignored' });
    const blob = resolveObjectURL(links[0]?.href ?? '');
    expect(blob?.type).toBe('text/csv');
    expect(await blob?.text()).toBe('x,y\n');
  });

  it('revokes the object URL shortly after, not before the browser could read it', () => {
    downloadFile({ name: 'a.txt', content: 'x', mimeType: 'text/plain' });
    const url = links[0]?.href ?? '';
    expect(resolveObjectURL(url)).toBeDefined();
    vi.advanceTimersByTime(999);
    expect(resolveObjectURL(url)).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(resolveObjectURL(url)).toBeUndefined();
  });
});
