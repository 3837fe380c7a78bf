// Where am I: an ARIA combobox (input + listbox) over the offline geocoder's suggestions, keyboard navigable.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Geocoder, Suggestion } from '../../geo/geocoder';

export type SearchBoxProps = { geocoder: Geocoder; onPick: (suggestion: Suggestion) => void };

export function FindSearchBox({ geocoder, onPick }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => (text.trim().length >= 2 ? geocoder.suggest(text, { limit: 6 }) : []), [geocoder, text]);
  const shown = open && suggestions.length > 0;
  const pick = (s: Suggestion) => {
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
