// Street classes of the offline basemap: the pipeline sorts OSM `highway` values into them, the map styles each one.

/** Street classes from the widest to the narrowest. */
export const STREET_CLASSES = ['primary', 'secondary', 'tertiary', 'minor'] as const;
export type StreetClass = (typeof STREET_CLASSES)[number];
