// "Call" lines for services reached by phone (3-1-1, PAATHS...): tap to call, with hours and source.
import { useTranslation } from 'react-i18next';
import { phoneParts, type PhoneService } from '../domain/phone-service';

export function PhoneLines({ services }: { services: PhoneService[] }) {
  const { t } = useTranslation();
  if (services.length === 0) return null;
  return (
    <details className="phone-lines" data-testid="phone-lines">
      <summary>{t('phones.heading')}</summary>
      <ul>
        {services.map((s) => (
          <li key={s.name}>
            <strong>{s.name}</strong>
            <div>
              {phoneParts(s.phone).map((p, i) => (
                <span key={p.dial}>
                  {i > 0 && ` ${t('phones.or')} `}
                  <a href={`tel:${p.dial}`}>{p.label}</a>
                </span>
              ))}
            </div>
            <div className="hint">{s.hours ?? t('detail.hoursNotPublished')}</div>
            {s.note && <div className="hint">{s.note}</div>}
          </li>
        ))}
      </ul>
    </details>
  );
}
