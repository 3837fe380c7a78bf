// One site's fields as a form: every field validated with the pipeline's rules on save, the hours with a live,
// human-readable preview and a clear error for bad syntax.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeOpeningHours } from '../../domain/opening-hours-text';
import { COORD_PRECISIONS, SITE_KINDS, WHEELCHAIR_ACCESS, type Site } from '../../domain/site';
import type { Precision } from '../../geo/geocoder';
import { PlaceSearchBox, type PlacePick } from '../../ui/place-search-box';
import type { SiteFieldError } from '../../domain/site-edits';

type Draft = Record<'id' | 'name' | 'kind' | 'address' | 'city' | 'lng' | 'lat' | 'coordPrecision' | 'openingHours' | 'hoursNote' | 'phone' | 'services' | 'languages' | 'eligibility' | 'wheelchair' | 'source' | 'lastVerified', string>;

function draftOf(site: Site): Draft {
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    address: site.address ?? '',
    city: site.city,
    lng: Number.isFinite(site.coordinates[0]) ? String(site.coordinates[0]) : '',
    lat: Number.isFinite(site.coordinates[1]) ? String(site.coordinates[1]) : '',
    coordPrecision: site.coordPrecision,
    openingHours: site.openingHours ?? '',
    hoursNote: site.hoursNote ?? '',
    phone: site.phone ?? '',
    services: site.services.join('\n'),
    languages: site.languages.join('\n'),
    eligibility: site.eligibility ?? '',
    wheelchair: site.wheelchair ?? '',
    source: site.source,
    lastVerified: site.lastVerified,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const lines = (s: string) =>
  s
    .split(/\n|;/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

/** The site a draft describes (types loosely coerced; the rules are checked by the edit operation). */
function siteOf(d: Draft): Site {
  return {
    id: d.id.trim(),
    name: d.name.trim(),
    kind: d.kind as Site['kind'],
    address: orNull(d.address),
    city: d.city.trim(),
    coordinates: [d.lng.trim() === '' ? Number.NaN : Number(d.lng), d.lat.trim() === '' ? Number.NaN : Number(d.lat)],
    coordPrecision: d.coordPrecision as Site['coordPrecision'],
    openingHours: orNull(d.openingHours),
    hoursNote: orNull(d.hoursNote),
    phone: orNull(d.phone),
    services: lines(d.services),
    languages: lines(d.languages),
    eligibility: orNull(d.eligibility),
    wheelchair: (orNull(d.wheelchair) as Site['wheelchair']) ?? null,
    source: d.source.trim(),
    lastVerified: d.lastVerified.trim(),
  };
}

export type SiteFormProps = {
  site: Site;
  /** A new site: the id can be typed. */
  isNew: boolean;
  /** Saves the site; returns the field errors, or null when saved. */
  onSave: (site: Site) => SiteFieldError[] | null;
  onCancel: () => void;
  /** A point chosen on the map while the form is open ([lng, lat]): it becomes the site's position, pinned by hand. */
  picked: readonly [number, number] | null;
  /** Address suggestions from the offline geocoder (null while it loads: the field is then plain text). */
  suggestAddress: ((text: string) => PlacePick<Precision>[]) | null;
  /** The geocoder placed the address here ([lng, lat]): the map's pin follows. */
  onPlaced?: (lngLat: [number, number]) => void;
};

/** The form fields a site field's error belongs to (a coordinates error shows under both latitude and longitude). */
const draftFieldsOf = (field: keyof Site): readonly string[] => (field === 'coordinates' ? ['lat', 'lng'] : [field]);

export function SiteForm({ site, isNew, onSave, onCancel, picked, suggestAddress, onPlaced }: SiteFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(site));
  const [errors, setErrors] = useState<SiteFieldError[]>([]);
  useEffect(() => {
    if (picked) setDraft((d) => ({ ...d, lng: picked[0].toFixed(6), lat: picked[1].toFixed(6), coordPrecision: 'pinned' }));
  }, [picked]);
  const hours = useMemo(() => (draft.openingHours.trim() === '' ? null : describeOpeningHours(draft.openingHours.trim())), [draft.openingHours]);
  const set = (k: keyof Draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const errorFor = (k: keyof Draft) => errors.filter((e) => draftFieldsOf(e.field).includes(k));
  const field = (k: keyof Draft, input: React.ReactNode) => {
    const errs = errorFor(k);
    return (
      <div className={`site-field${errs.length ? ' has-error' : ''}`} data-field={k}>
        <label htmlFor={`${id}-${k}`}>{t(`manage.fields.${k}`)}</label>
        {input}
        {errs.map((e, i) => (
          <p key={i} className="site-field-error" id={`${id}-${k}-error`} data-testid="site-field-error">
            {e.message}
          </p>
        ))}
      </div>
    );
  };
  const text = (k: keyof Draft, extra: React.InputHTMLAttributes<HTMLInputElement> = {}) =>
    field(k, <input id={`${id}-${k}`} data-testid={`site-${k}`} value={draft[k]} onChange={set(k)} aria-invalid={errorFor(k).length > 0} aria-describedby={errorFor(k).length ? `${id}-${k}-error` : undefined} {...extra} />);
  const area = (k: keyof Draft) => field(k, <textarea id={`${id}-${k}`} data-testid={`site-${k}`} value={draft[k]} onChange={set(k)} rows={3} />);
  const select = (k: keyof Draft, options: readonly string[], blank?: string) =>
    field(
      k,
      <select id={`${id}-${k}`} data-testid={`site-${k}`} value={draft[k]} onChange={set(k)}>
        {blank !== undefined && <option value="">{blank}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>,
    );

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const result = onSave(siteOf(draft));
    setErrors(result ?? []);
  };

  return (
    <form className="site-form" data-testid="site-form" onSubmit={save} noValidate>
      {errors.length > 0 && (
        <div role="alert" className="site-form-errors" data-testid="site-form-errors">
          <p>{t('manage.errorsHeading')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {isNew && text('id')}
      {text('name')}
      {select('kind', SITE_KINDS)}
      {suggestAddress ? (
        <div className="site-field" data-field="address">
          <PlaceSearchBox<Precision>
            suggest={suggestAddress}
            label={t('manage.fields.address')}
            listLabel={t('manage.addressSuggestions')}
            precisionText={(p) => t(`detail.precisions.${p}`)}
            testIdPrefix="site-address"
            initialText={draft.address}
            onText={(address) => setDraft((d) => ({ ...d, address }))}
            onPick={(pick) => {
              // The geocoder places the address: its point and how precisely (a later map click or drag pins it by hand).
              setDraft((d) => ({ ...d, lng: pick.lngLat[0].toFixed(6), lat: pick.lngLat[1].toFixed(6), coordPrecision: pick.precision }));
              onPlaced?.(pick.lngLat);
            }}
          />
        </div>
      ) : (
        text('address')
      )}
      {text('city')}
      {text('lat', { inputMode: 'decimal' })}
      {text('lng', { inputMode: 'decimal' })}
      {select('coordPrecision', COORD_PRECISIONS)}
      {text('openingHours')}
      <p className={`hours-preview${hours && !hours.ok ? ' hours-preview-error' : ''}`} data-testid="site-hours-preview" aria-live="polite">
        {hours === null ? t('manage.hoursEmpty') : hours.ok ? t('manage.hoursPreview', { text: hours.text }) : t('manage.hoursError', { error: hours.error })}
      </p>
      {text('hoursNote')}
      {text('phone', { inputMode: 'tel' })}
      {area('services')}
      {area('languages')}
      {text('eligibility')}
      {select('wheelchair', WHEELCHAIR_ACCESS, t('manage.wheelchairUnknown'))}
      {text('source')}
      {text('lastVerified', { type: 'date' })}
      <p className="site-form-buttons">
        <button type="submit" data-testid="site-save">
          {t('manage.save')}
        </button>{' '}
        <button type="button" data-testid="site-cancel" onClick={onCancel}>
          {t('manage.cancel')}
        </button>
      </p>
    </form>
  );
}
