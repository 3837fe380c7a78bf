// Saving text or a Blob as a file the user downloads, and object URLs for download links that clean up after themselves.
import { useEffect, useMemo } from 'react';

/** What a download writes: the suggested file name, the content and its MIME type. */
export type DownloadableFile = { name: string; content: string | Blob; mimeType: string };

/** How long an object URL lives after the download started (the browser has read it by then). */
const REVOKE_AFTER_MS = 1000;

/** Starts a download of `file` (a hidden link clicked once); the object URL is revoked shortly after. */
export function downloadFile(file: DownloadableFile): void {
  const url = URL.createObjectURL(toBlob(file));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/**
 * An object URL for `file`'s content, for an `<a href download>` that stays on the page; revoked when the content
 * changes or the component goes away. Null when there is no file.
 */
export function useObjectUrl(file: DownloadableFile | null): string | null {
  const content = file?.content ?? null;
  const mimeType = file?.mimeType ?? '';
  const url = useMemo(
    () => (content === null ? null : URL.createObjectURL(toBlob({ name: '', content, mimeType }))),
    [content, mimeType],
  );
  useEffect(() => () => {
    if (url) URL.revokeObjectURL(url);
  }, [url]);
  return url;
}

function toBlob(file: DownloadableFile): Blob {
  return typeof file.content === 'string' ? new Blob([file.content], { type: file.mimeType }) : file.content;
}
