// Where am I: an ARIA combobox (input + listbox) over the offline geocoder's suggestions and pasted coordinates,
// keyboard navigable.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Geocoder, Precision } from '../../geo/geocoder';
import { parseCoordinates } from './find-coordinates';
import { formatPoint } from './find-state';

/** What the box offers: a geocoder suggestion, or the pasted coordinates themselves. */
export type SearchPick = { label: string; lngLat: [number, number]; precision: Precision | 'coordinates' };

export type SearchBoxProps = { geocoder: Geocoder; onPick: (pick: SearchPick) => void };

/** Pasted coordinates first (when the text is a pair in the service area), then the geocoder's suggestions. */
function picksFor(geocoder: Geocoder, text: string): SearchPick[] {
  if (text.trim().length < 2) return [];
  const point = parseCoordinates(text);
  const fromGeocoder = geocoder.suggest(text, { limit: point ? 5 : 6 }).map((s) => ({ label: s.label, lngLat: s.lngLat, precision: s.precision }));
  return point ? [{ label: formatPoint(point).replace(',', ', '), lngLat: point, precision: 'coordinates' }, ...fromGeocoder] : fromGeocoder;
}

export function FindSearchBox({ geocoder, onPick }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => picksFor(geocoder, text), [geocoder, text]);
  const shown = open && suggestions.length > 0;
  const pick = (s: SearchPick) => {
    setText(s.label);
    setOpen(false);
    setActive(-1);
    onPick(s);
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (suggestions.length === 0 ? -1 : (a + 1) % suggestions.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (suggestions.length === 0 ? -1 : (a <= 0 ? suggestions.length : a) - 1));
    } else if (e.key === 'Enter') {
      const s = suggestions[active >= 0 ? active : 0];
      if (s) {
        e.preventDefault();
        pick(s);
      }
    } else if (e.key === 'Escape') {
      if (shown) e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const listId = `${id}-list`;
  return (
    <div className="find-search">
      <label htmlFor={`${id}-input`}>{t('find.searchLabel')}</label>
      <input
        id={`${id}-input`}
        data-testid="find-search"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={t('find.searchPlaceholder')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={t('find.suggestions')} className="find-suggestions" hidden={!shown} data-testid="find-suggestions">
        {shown &&
          suggestions.map((s, i) => (
            <li
              key={`${s.label}-${i}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid="find-suggestion"
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span className="find-suggestion-label">{s.label}</span> <span className="find-suggestion-precision">{t(`find.precision.${s.precision}`)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
