// Sites shaped like real rows of data/sites.csv (built directly as Site objects), for the site-edit and store tests.
import type { Site } from '../../../src/domain/site';

export const CAMBRIDGE_POLICE: Site = {
  id: 'cambridge-police-drop-box',
  name: 'Sharps drop box, Cambridge Police Department',
  kind: 'drop-off',
  address: '125 Sixth Street (first-floor lobby, Records Unit)',
  city: 'Cambridge',
  coordinates: [-71.085334, 42.369277],
  coordPrecision: 'street',
  openingHours: '24/7',
  hoursNote: '"At any time" (Cambridge Public Health Department).',
  phone: '617-665-3800',
  services: ['sharps disposal', 'unused medication disposal'],
  languages: [],
  eligibility: 'Cambridge residents only, not businesses; anonymous; sharps in a sharps container.',
  wheelchair: null,
  source: 'https://www.cambridgepublichealth.org/services/dispose-of-needles-and-syringes-safely/',
  lastVerified: '2026-11-25',
};

export const BROOKLINE_KIOSK: Site = {
  id: 'brookline-health-department-kiosk',
  name: 'Sharps disposal kiosk, Brookline Department of Public Health',
  kind: 'disposal-kiosk',
  address: '11 Pierce Street',
  city: 'Brookline',
  coordinates: [-71.119597, 42.334396],
  coordPrecision: 'street',
  openingHours: null,
  hoursNote: 'Outdoor kiosk (installed 2020); access hours not published.',
  phone: '617-730-2300',
  services: ['sharps disposal'],
  languages: [],
  eligibility: 'Household sharps of Brookline residents only, in a container (no loose needles); not for medical offices.',
  wheelchair: null,
  source: 'https://brookline.wickedlocal.com/news/20200521/sharps-disposal-kiosks-available-to-brookline-residents (2020-05-21)',
  lastVerified: '2026-05-25',
};

export const ENGAGEMENT_CENTER: Site = {
  id: 'engagement-center',
  name: 'Engagement Center (Boston Public Health Commission)',
  kind: 'drop-in-center',
  address: '26 Atkinson Street',
  city: 'Boston',
  coordinates: [-71.068504, 42.33321],
  coordPrecision: 'address-point',
  openingHours: null,
  hoursNote: 'A low-threshold daytime space; opening hours are not published on the Recovery Services page.',
  phone: null,
  services: ['daily nursing care and medication management', 'medical care', 'restrooms and showers'],
  languages: [],
  eligibility: 'Low-threshold, for people navigating homelessness and substance use.',
  wheelchair: null,
  source: 'boston.gov Recovery Services page (shared/reference/boston-recovery-services.md)',
  lastVerified: '2026-11-25',
};

/** A kiosk not in the published list (the Brookline Public Safety Building lead), to add. */
export const NEW_KIOSK: Site = {
  id: 'brookline-public-safety-building-kiosk',
  name: 'Sharps disposal kiosk, Brookline Public Safety Building',
  kind: 'disposal-kiosk',
  address: '350 Washington Street',
  city: 'Brookline',
  coordinates: [-71.123746, 42.334862],
  coordPrecision: 'street',
  openingHours: 'Mo-Fr 08:00-16:00; PH off',
  hoursNote: null,
  phone: '617-730-2300',
  services: ['sharps disposal'],
  languages: ['en', 'es'],
  eligibility: 'Household sharps of Brookline residents only.',
  wheelchair: 'yes',
  source: 'https://brookline.wickedlocal.com/news/20200521/sharps-disposal-kiosks-available-to-brookline-residents',
  lastVerified: '2026-11-25',
};

/** The published list the edit tests start from. */
export const PUBLISHED: readonly Site[] = [CAMBRIDGE_POLICE, BROOKLINE_KIOSK, ENGAGEMENT_CENTER];
