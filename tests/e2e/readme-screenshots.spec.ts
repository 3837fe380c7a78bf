// Saves the README screenshots (docs/screenshot-desktop.jpg, docs/screenshot-phone.jpg) from the real app.
import { mkdirSync } from 'node:fs';
import { expect, test } from './support/driver';

test.beforeAll(() => mkdirSync('docs', { recursive: true }));

test('README screenshot: desktop', async ({ app }) => {
  await app.openMap();
  expect((await app.mapColourStats()).distinctColours).toBeGreaterThan(50);
  await app.saveScreenshot('docs/screenshot-desktop.jpg');
});

test('README screenshot: phone @phone', async ({ app }) => {
  await app.openMap();
  expect((await app.mapColourStats()).distinctColours).toBeGreaterThan(50);
  await app.saveScreenshot('docs/screenshot-phone.jpg');
});
