// One zone in the zones panel's list: its name (or the rename form), team and source, and its edit/rename/delete buttons.
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneCollection } from '../../domain/zone';

type Zone = ZoneCollection['features'][number];

export type ZoneListItemProps = {
  zone: Zone;
  /** Its outline is being edited on the map (the item is highlighted). */
  editing: boolean;
  /** Show the rename form instead of the name. */
  renaming: boolean;
  /** "Edit outline" is possible now: the map is ready and no draw session is on (MultiPolygons are never editable). */
  canEdit: boolean;
  onEdit: () => void;
  onStartRename: () => void;
  /** Saves a new name; returns the error to show, or null when it was saved. */
  onRename: (name: string) => string | null;
  onCancelRename: () => void;
  onDelete: () => void;
  /** Shown at the end of the item (the delete confirmation). */
  children?: ReactNode;
};

/** `data-focus-key`s (edit-, rename-, delete-, name-<id>) let the panel move focus to these controls after a change. */
export function ZoneListItem(props: ZoneListItemProps) {
  const { zone, editing, renaming, canEdit } = props;
  const { t } = useTranslation();
  const { id, name, team, approximate, source } = zone.properties;
  const isMulti = zone.geometry.type !== 'Polygon';
  return (
    <li data-testid="zone-item" data-zone-id={id} className={editing ? 'zone-item editing' : 'zone-item'}>
      {renaming ? (
        <RenameForm zone={zone} onSave={props.onRename} onCancel={props.onCancelRename} />
      ) : (
        <span className="zone-name" data-testid="zone-name">
          {name}
        </span>
      )}
      {(approximate || team) && (
        <p className="hint zone-meta">
          {approximate && (
            <span className="badge zone-approximate" data-testid="zone-approximate" title={t('zones.approximateHint')}>
              {t('zones.approximate')}
            </span>
          )}{' '}
          {team && <span className="zone-team">{t('zones.team', { team })}</span>}{' '}
          {approximate && <span className="zone-source">{t('zones.source', { source })}</span>}
        </p>
      )}
      <div className="zone-buttons">
        <button
          type="button"
          className="link-button"
          data-testid="zone-edit"
          data-focus-key={`edit-${id}`}
          aria-label={t('zones.editLabel', { name })}
          title={isMulti ? t('zones.editMulti') : undefined}
          disabled={!canEdit || isMulti}
          onClick={props.onEdit}
        >
          {t('zones.edit')}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="zone-rename"
          data-focus-key={`rename-${id}`}
          aria-label={t('zones.renameLabel', { name })}
          onClick={props.onStartRename}
        >
          {t('zones.rename')}
        </button>
        <button
          type="button"
          className="link-button"
          data-testid="zone-delete"
          data-focus-key={`delete-${id}`}
          aria-label={t('zones.deleteLabel', { name })}
          onClick={props.onDelete}
        >
          {t('zones.delete')}
        </button>
      </div>
      {props.children}
    </li>
  );
}

function RenameForm({ zone, onSave, onCancel }: { zone: Zone; onSave: (name: string) => string | null; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(zone.properties.name);
  const [error, setError] = useState<string | null>(null);
  const inputId = `zone-name-${zone.properties.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setError(onSave(value));
  };
  return (
    <form className="zone-rename" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('zones.nameLabel', { name: zone.properties.name })}
      </label>
      <input
        id={inputId}
        data-testid="zone-name-input"
        data-focus-key={`name-${zone.properties.id}`}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onCancel();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        required
      />
      <button type="submit">{t('zones.save')}</button>
      <button type="button" onClick={onCancel}>
        {t('zones.cancel')}
      </button>
      {error && (
        <p className="zones-error" id={`${inputId}-error`} role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
