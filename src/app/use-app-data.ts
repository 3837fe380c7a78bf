// Loads the generated data files once; each file fails on its own with a message naming it, the rest still loads.
import { useEffect, useState } from 'react';
import { DATA_FILES } from '../config/city';
import type { Rejected } from '../domain/rejection';
import type { SiteCollection } from '../domain/site';
import type { ZoneCollection } from '../domain/zone';
import { loadManifest, loadNeedleTable, loadPhoneServices, loadSites, loadZones } from '../datasets/load-data';
import type { PhoneService } from '../domain/phone-service';
import type { NeedleTable } from '../datasets/needle-table';


export type DataProblem = { file: string; message: string; rejected: Rejected[] };

export type AppData = {
  sites: SiteCollection | null;
  needles: NeedleTable | null;
  defaultZones: ZoneCollection | null;
  manifest: Awaited<ReturnType<typeof loadManifest>> | null;
  phoneServices: PhoneService[];
  problems: DataProblem[];
  loaded: boolean;
};

const INITIAL: AppData = { sites: null, needles: null, defaultZones: null, manifest: null, phoneServices: [], problems: [], loaded: false };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fetches every data file relative to `baseUrl` in parallel. */
export async function fetchAppData(baseUrl: string): Promise<AppData> {
  const url = (file: string) => new URL(file, baseUrl).toString();
  const problems: DataProblem[] = [];
  const [sites, needles, zones, manifest, phones] = await Promise.allSettled([
    loadSites(url(DATA_FILES.sites)),
    loadNeedleTable(url(DATA_FILES.needleRequests)),
    loadZones(url(DATA_FILES.outreachZones)),
    loadManifest(url(DATA_FILES.manifest)),
    loadPhoneServices(url(DATA_FILES.phoneServices)),
  ]);
  const data: AppData = { ...INITIAL, loaded: true, problems };
  /** The value of a settled load, or null with the failure recorded against its file. */
  const settled = <T>(r: PromiseSettledResult<T>, file: string): T | null => {
    if (r.status === 'fulfilled') return r.value;
    problems.push({ file, message: message(r.reason), rejected: [] });
    return null;
  };
  /** Features kept from a load that validates row by row; skipped rows are listed (and downloadable). */
  const kept = <F>(r: PromiseSettledResult<{ rows: F[]; rejected: Rejected[] }>, file: string) => {
    const v = settled(r, file);
    if (v && v.rejected.length > 0) problems.push({ file, message: '', rejected: v.rejected });
    return v ? { type: 'FeatureCollection' as const, features: v.rows } : null;
  };
  data.sites = kept(sites, DATA_FILES.sites);
  data.defaultZones = kept(zones, DATA_FILES.outreachZones);
  data.needles = settled(needles, DATA_FILES.needleRequests);
  data.manifest = settled(manifest, DATA_FILES.manifest);
  data.phoneServices = settled(phones, DATA_FILES.phoneServices) ?? [];
  return data;
}

const pending = new Map<string, Promise<AppData>>();

/** Starts (or joins) loading every data file: main.tsx calls it before React renders, so the fetches start at once. */
export function prefetchAppData(baseUrl: string): Promise<AppData> {
  let p = pending.get(baseUrl);
  if (!p) {
    p = fetchAppData(baseUrl).then((d) => {
      performance.mark('hrm:data-loaded');
      return d;
    });
    pending.set(baseUrl, p);
  }
  return p;
}

export function useAppData(baseUrl: string): AppData {
  const [data, setData] = useState<AppData>(INITIAL);
  useEffect(() => {
    let live = true;
    void prefetchAppData(baseUrl).then((d) => live && setData(d));
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return data;
}
