// The Zones tool's slice: which zone terra-draw is editing (hidden from the zones layer meanwhile). Not shared by URL.
import type { ToolSlice } from '../../ui/tool-contract';

export type ZonesToolState = { editingZoneId: string | null };

export const zonesSlice: ToolSlice<ZonesToolState> = {
  initial: { editingZoneId: null },
  urlKeys: [],
  // Nothing of a drawing session is shared: a link or the back button keeps the session as it is.
  fromUrl: (_params, current) => current,
  toUrl: () => [],
};

export const setEditingZone = (s: ZonesToolState, editingZoneId: string | null): ZonesToolState =>
  s.editingZoneId === editingZoneId ? s : { ...s, editingZoneId };
