// Playwright `test` with one driver per tool or area, all sharing one browser session (as maputnik composes its drivers).
import { test as browserTest, type AxeViolation, type BrowserSession } from './browser';
import { DetailsDriver } from './details-driver';
import { FindDriver } from './find-driver';
import { LegendDriver } from './legend-driver';
import { ManageDriver } from './manage-driver';
import { MapDriver } from './map-driver';
import { SheetDriver } from './sheet-driver';
import { SweepsDriver } from './sweeps-driver';
import { ZonesDriver } from './zones-driver';

export { expect } from './browser';

/** Accessibility checks (axe-core) of the page as it is now. */
export class A11yDriver {
  constructor(private readonly browser: BrowserSession) {}

  /** Violations axe-core rates serious or critical. */
  async seriousViolations(): Promise<AxeViolation[]> {
    return (await this.browser.axeViolations()).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }
}

export type Drivers = {
  map: MapDriver;
  legend: LegendDriver;
  details: DetailsDriver;
  zones: ZonesDriver;
  find: FindDriver;
  manage: ManageDriver;
  sweeps: SweepsDriver;
  sheet: SheetDriver;
  a11y: A11yDriver;
};

/** Specs import `test` and `expect` from here and ask for the drivers they use: `async ({ map, legend }) => …`. */
export const test = browserTest.extend<Drivers>({
  map: async ({ session }, use) => use(new MapDriver(session)),
  legend: async ({ session, map }, use) => use(new LegendDriver(session, map)),
  details: async ({ session, map }, use) => use(new DetailsDriver(session, map)),
  zones: async ({ session, map }, use) => use(new ZonesDriver(session, map)),
  find: async ({ session }, use) => use(new FindDriver(session)),
  manage: async ({ session }, use) => use(new ManageDriver(session)),
  sweeps: async ({ session }, use) => use(new SweepsDriver(session)),
  sheet: async ({ session }, use) => use(new SheetDriver(session)),
  a11y: async ({ session }, use) => use(new A11yDriver(session)),
});
