// The phone: call lines are tap-to-call links with the numbers of data/phone-services.csv; a tapped site opens in the sheet.
import { readPhoneServices, readSites } from './support/data-files';
import { expect, test } from './support/fixtures';

/** The numbers a phone cell lists ("3-1-1 or 617-635-4500"), as digits to dial (tel: without punctuation). */
function dialNumbers(phone: string): string[] {
  return phone.split(/\s+or\s+/i).map((p) => p.replace(/[^0-9+]/g, ''));
}

test('the "Call for help" lines are tel: links with each service\'s numbers from data/phone-services.csv', async ({ map, sheet }) => {
  await map.openMap();
  const services = readPhoneServices();
  const lines = await sheet.phoneLines();
  expect(lines.map((l) => l.name), 'one line per service, in the file order').toEqual(services.map((s) => s.name));
  for (const [i, service] of services.entries()) {
    const links = lines[i]?.links ?? [];
    expect(links.map((l) => l.href), `${service.name}: tap-to-call links`).toEqual(dialNumbers(service.phone).map((d) => `tel:${d}`));
    expect(links.map((l) => l.text), `${service.name}: numbers as written`).toEqual(service.phone.split(/\s+or\s+/i).map((p) => p.trim()));
  }
  // The one every resident needs: 3-1-1 dials 311.
  expect(lines.flatMap((l) => l.links).some((l) => l.href === 'tel:311' && l.text === '3-1-1'), 'a 3-1-1 link dials 311').toBe(true);
});

test('the call lines also work on a phone, in the sheet @phone', async ({ map, sheet }) => {
  await map.openMap();
  await sheet.open();
  const lines = await sheet.phoneLines();
  expect(lines.map((l) => l.name)).toEqual(readPhoneServices().map((s) => s.name));
  expect(lines.every((l) => l.links.length > 0 && l.links.every((a) => /^tel:\+?\d{3,}$/.test(a.href))), 'every line has tel: links').toBe(true);
});

test('tapping a site on a phone opens its details in the sheet @phone', async ({ map, details, sheet }) => {
  await map.openMap();
  await expect.poll(() => sheet.layout()).toBe('sheet');
  const { id } = await map.clickableSite();
  const name = readSites().find((s) => s.id === id)?.name;
  expect(name, `site ${id} in the data file`).toBeTruthy();

  expect(await details.tapSite(id), 'detail title after a tap').toBe(name);
  expect(await sheet.detailIsInside(), 'the details open in the sheet').toBe(true);
  await expect.poll(async () => (await map.readUrlState()).site, { message: 'the tapped site in the URL' }).toBe(id);
  const box = await sheet.box();
  const mapBox = await map.mapBox();
  expect(box && mapBox && box.y > mapBox.y, 'the sheet still leaves the top of the map visible').toBe(true);
  await details.closeWithButton();
  expect(await details.isOpen()).toBe(false);
});
