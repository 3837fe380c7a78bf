// Tests for the shared import report: the summary, every rejected row, and the download of the rejected part.
import { resolveObjectURL } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Rejected } from '../../../src/domain/rejection';
import { ImportReport, rejectedRowsJson, type ImportReportProps } from '../../../src/ui/import-report';

const rejected: Rejected[] = [
  { line: 0, field: '', reason: 'the file is empty', raw: '' },
  { line: 3, field: 'geometry.type', reason: 'a LineString is not a zone', raw: '{"type":"Feature"}' },
];

function props(overrides: Partial<ImportReportProps> = {}): ImportReportProps {
  return {
    summary: '1 zone added; 2 rejected',
    rejected,
    describeRejected: (r) => `row ${r.line}, ${r.field || 'file'}: ${r.reason}`,
    rejectedFile: { name: 'mine-rejected.json', content: rejectedRowsJson(rejected), mimeType: 'application/json' },
    downloadLabel: 'Download rejected',
    testIdPrefix: 'zone-import',
    ...overrides,
  };
}

/** Parses the static markup (no DOM here): the list items and the download link's attributes. */
function read(html: string) {
  const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
  const link = /<a href="([^"]*)" download="([^"]*)" data-testid="([^"]*)">([^<]*)<\/a>/.exec(html);
  return { items, href: link?.[1], download: link?.[2], linkTestId: link?.[3], linkText: link?.[4] };
}

describe('ImportReport', () => {
  it('is a status region with the summary, under the given test ids and class names', () => {
    const html = renderToStaticMarkup(<ImportReport {...props({ className: 'zones-import-result', listClassName: 'zones-rejected' })} />);
    expect(html).toMatch(/^<div class="zones-import-result" data-testid="zone-import-result" role="status"><p>1 zone added; 2 rejected<\/p>/);
    expect(html).toContain('<ul class="zones-rejected" data-testid="zone-import-rejected">');
  });

  it('lists every rejected row with its line, field and reason, in order', () => {
    expect(read(renderToStaticMarkup(<ImportReport {...props()} />)).items).toEqual([
      'row 0, file: the file is empty',
      'row 3, geometry.type: a LineString is not a zone',
    ]);
  });

  it('links to a download of the rejected part under the given file name', async () => {
    const { href, download, linkTestId, linkText } = read(renderToStaticMarkup(<ImportReport {...props()} />));
    expect(download).toBe('mine-rejected.json');
    expect(linkTestId).toBe('zone-import-download-rejected');
    expect(linkText).toBe('Download rejected');
    const blob = resolveObjectURL(href ?? '');
    expect(blob?.type).toBe('application/json');
    expect(JSON.parse((await blob?.text()) ?? '')).toEqual(rejected);
  });

  it('shows neither a list nor a download when nothing was rejected', () => {
    const html = renderToStaticMarkup(<ImportReport {...props({ rejected: [], summary: '2 zones added; 0 rejected' })} />);
    expect(html).toBe('<div class="import-report" data-testid="zone-import-result" role="status"><p>2 zones added; 0 rejected</p></div>');
  });
});

describe('rejectedRowsJson', () => {
  it('keeps line, field, reason and the raw row of every rejection', () => {
    expect(JSON.parse(rejectedRowsJson(rejected))).toEqual(rejected);
  });
});
