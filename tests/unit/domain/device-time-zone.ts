// Test helper: runs a describe block as on a device set to another time zone (Node applies process.env.TZ at once).
import { afterAll, beforeAll } from 'vitest';

/**
 * Device time zones the Boston-time tests run under: Boston's own; no daylight saving (UTC, Tokyo); the same US switch
 * dates (Los Angeles); other switch dates (London, Auckland in the southern hemisphere); half- and 45-minute offsets.
 */
export const DEVICE_TIME_ZONES = [
  'America/New_York',
  'UTC',
  'Asia/Tokyo',
  'Pacific/Auckland',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Chatham',
] as const;

/** Sets the process time zone for the enclosing describe block, checks the runtime took it, and restores it after. */
export function useDeviceTimeZone(timeZone: string): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = timeZone;
    const device = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    const wanted = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
    if (device !== wanted) throw new Error(`the runtime did not switch to ${timeZone} (it reports ${device})`);
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
}
