// Where: an ARIA combobox (input + listbox) over a place search (the offline geocoder, pasted coordinates...), keyboard
// navigable (arrows, Enter, Escape). Shared by Find's "Where are you?" and the Sites editor's address field.
import { useId, useMemo, useState } from 'react';

/** One suggestion: its label, its [lng, lat] and how precisely it is placed (a word the caller translates). */
export type PlacePick<P extends string = string> = { label: string; lngLat: [number, number]; precision: P };

export type PlaceSearchBoxProps<P extends string> = {
  /** Suggestions for the text typed (best first); called on every keystroke, so it must be fast. */
  suggest: (text: string) => PlacePick<P>[];
  onPick: (pick: PlacePick<P>) => void;
  label: string;
  placeholder?: string;
  /** Accessible name of the suggestion list. */
  listLabel: string;
  /** The precision as shown next to each suggestion. */
  precisionText: (precision: P) => string;
  /** data-testid prefix: `${prefix}-search` (input), `${prefix}-suggestions`, `${prefix}-suggestion`. */
  testIdPrefix: string;
  /** Starting text (e.g. the address already on file). */
  initialText?: string;
  /** Called with the text as typed, whether or not a suggestion is picked. */
  onText?: (text: string) => void;
};

export function PlaceSearchBox<P extends string>(props: PlaceSearchBoxProps<P>) {
  const { suggest, onPick, testIdPrefix } = props;
  const id = useId();
  const [text, setText] = useState(props.initialText ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useMemo(() => (text.trim().length >= 2 ? suggest(text) : []), [suggest, text]);
  const shown = open && suggestions.length > 0;
  const pick = (s: PlacePick<P>) => {
    setText(s.label);
    props.onText?.(s.label);
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
      <label htmlFor={`${id}-input`}>{props.label}</label>
      <input
        id={`${id}-input`}
        data-testid={`${testIdPrefix}-search`}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={listId}
        aria-activedescendant={shown && active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={props.placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          props.onText?.(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label={props.listLabel} className="find-suggestions" hidden={!shown} data-testid={`${testIdPrefix}-suggestions`}>
        {shown &&
          suggestions.map((s, i) => (
            <li
              key={`${s.label}-${i}`}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              data-testid={`${testIdPrefix}-suggestion`}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(s);
              }}
            >
              <span className="find-suggestion-label">{s.label}</span> <span className="find-suggestion-precision">{props.precisionText(s.precision)}</span>
            </li>
          ))}
      </ul>
    </div>
  );
}
