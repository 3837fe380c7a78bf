// The Zones tab: the zones panel wired to the shell. While terra-draw draws or edits, the map's clicks belong to it.
import { useEffect, useRef } from 'react';
import type { ToolPanelProps } from '../../ui/tool-contract';
import type { ZonesApi } from './use-zones';
import { ZonesPanel } from './zones-panel';
import { setEditingZone, type ZonesToolState } from './zones-state';

/** terra-draw handles the clicks itself; the shell must only not treat them as selections. */
const CLICKS_GO_TO_TERRA_DRAW = () => undefined;

export function ZonesToolPanel({ map, update, shell, zonesApi }: ToolPanelProps<ZonesToolState, { zonesApi: ZonesApi }>) {
  const { claimMap } = shell;
  const latest = useRef({ claimMap, update });
  latest.current = { claimMap, update };
  // Leaving the tab ends any session: give the map back and show every zone again.
  useEffect(
    () => () => {
      latest.current.claimMap(null);
      latest.current.update((s) => setEditingZone(s, null));
    },
    [],
  );
  return (
    <ZonesPanel
      map={map}
      zonesApi={zonesApi}
      onEditingChange={(zoneId) => update((s) => setEditingZone(s, zoneId))}
      onDrawModeChange={(mode) => claimMap(mode === 'idle' ? null : CLICKS_GO_TO_TERRA_DRAW)}
    />
  );
}
