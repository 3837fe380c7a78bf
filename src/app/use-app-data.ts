// Loads the generated data files once; each file fails on its own with a message naming it, the rest still loads.
import { useEffect, useState } from 'react';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { DATA_FILES } from '../config/city';
import type { Rejected } from '../domain/rejection';
import type { SiteProperties } from '../domain/site';
import type { ZoneProperties } from '../domain/zone';
import { loadManifest, loadNeedleTable, loadPhoneServices, loadSites, loadZones } from '../datasets/load-data';
import type { PhoneService } from '../domain/phone-service';
import type { NeedleTable } from '../datasets/needle-table';

export type SiteFeature = Feature<Point, SiteProperties>;
export type ZoneFeature = Feature<Polygon | MultiPolygon, ZoneProperties>;

export type DataProblem = { file: string; message: string; rejected: Rejected[] };

export type AppData = {
  sites: FeatureCollection<Point, SiteProperties> | null;
  needles: NeedleTable | null;
  defaultZones: FeatureCollection<Polygon | MultiPolygon, ZoneProperties> | null;
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
  if (sites.status === 'fulfilled') {
    data.sites = { type: 'FeatureCollection', features: sites.value.rows };
    if (sites.value.rejected.length > 0) problems.push({ file: DATA_FILES.sites, message: '', rejected: sites.value.rejected });
  } else problems.push({ file: DATA_FILES.sites, message: message(sites.reason), rejected: [] });
  if (needles.status === 'fulfilled') data.needles = needles.value;
  else problems.push({ file: DATA_FILES.needleRequests, message: message(needles.reason), rejected: [] });
  if (zones.status === 'fulfilled') {
    data.defaultZones = { type: 'FeatureCollection', features: zones.value.rows };
    if (zones.value.rejected.length > 0) problems.push({ file: DATA_FILES.outreachZones, message: '', rejected: zones.value.rejected });
  } else problems.push({ file: DATA_FILES.outreachZones, message: message(zones.reason), rejected: [] });
  if (manifest.status === 'fulfilled') data.manifest = manifest.value;
  else problems.push({ file: DATA_FILES.manifest, message: message(manifest.reason), rejected: [] });
  if (phones.status === 'fulfilled') data.phoneServices = phones.value;
  else problems.push({ file: DATA_FILES.phoneServices, message: message(phones.reason), rejected: [] });
  return data;
}

export function useAppData(baseUrl: string): AppData {
  const [data, setData] = useState<AppData>(INITIAL);
  useEffect(() => {
    let live = true;
    void fetchAppData(baseUrl).then((d) => {
      performance.mark('hrm:data-loaded');
      if (live) setData(d);
    });
    return () => {
      live = false;
    };
  }, [baseUrl]);
  return data;
}
