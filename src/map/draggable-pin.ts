// A pin a person drags to place something by hand (the Sites editor's "move"): a MapLibre marker, keyboard-free
// alternative being a click on the map while the form is open.
import * as maplibregl from 'maplibre-gl';
import { PALETTE } from './palette';

/**
 * Adds a draggable pin at `lngLat` ([lng, lat]); `onMove` gets the new [lng, lat] when a drag ends. Returns a function
 * that moves the pin (after a click elsewhere) and one that removes it.
 */
export function addDraggablePin(
  map: maplibregl.Map,
  lngLat: readonly [number, number],
  onMove: (lngLat: [number, number]) => void,
  label: string,
): { moveTo: (lngLat: readonly [number, number]) => void; remove: () => void } {
  const marker = new maplibregl.Marker({ draggable: true, color: PALETTE.selection }).setLngLat([lngLat[0], lngLat[1]]).addTo(map);
  const el = marker.getElement();
  el.setAttribute('aria-label', label);
  el.dataset['testid'] = 'draggable-pin';
  marker.on('dragend', () => {
    const p = marker.getLngLat();
    onMove([p.lng, p.lat]);
  });
  return { moveTo: (p) => marker.setLngLat([p[0], p[1]]), remove: () => marker.remove() };
}
