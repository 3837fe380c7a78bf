// The supply's opening-hours choice: any hours, only places open 24/7, or only those open at a weekday and hour.
import { useTranslation } from 'react-i18next';
import type { IsoWeekday, SupplyHours } from '../../domain/supply-hours';

const WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
const HOURS = Array.from({ length: 24 }, (_, h) => h);

export function SupplyHoursPicker({ hours, onChange }: { hours: SupplyHours; onChange: (hours: SupplyHours) => void }) {
  const { t } = useTranslation();
  const at = hours.kind === 'at' ? hours : { kind: 'at' as const, weekday: 1 as IsoWeekday, hour: 22 };
  return (
    <div className="coverage-hours" role="group" aria-labelledby="coverage-hours-label">
      <span id="coverage-hours-label">{t('coverage.hours.label')}</span>
      {(['any', 'always', 'at'] as const).map((kind) => (
        <label key={kind}>
          <input type="radio" name="coverage-hours" data-testid={`coverage-hours-${kind}`} checked={hours.kind === kind} onChange={() => onChange(kind === 'at' ? at : { kind })} /> {t(`coverage.hours.${kind}`)}
        </label>
      ))}
      <label>
        {t('coverage.hours.weekday')}{' '}
        <select data-testid="coverage-hours-weekday" value={at.weekday} disabled={hours.kind !== 'at'} onChange={(e) => onChange({ ...at, weekday: Number(e.target.value) as IsoWeekday })}>
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {t(`coverage.hours.weekdays.${d}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('coverage.hours.hour')}{' '}
        <select data-testid="coverage-hours-hour" value={at.hour} disabled={hours.kind !== 'at'} onChange={(e) => onChange({ ...at, hour: Number(e.target.value) })}>
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {`${String(h).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
      </label>
      {hours.kind !== 'any' && <p className="sweeps-note">{t('coverage.hours.note')}</p>}
    </div>
  );
}
