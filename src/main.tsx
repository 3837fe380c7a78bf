// Entry: i18n, data loading, and the App. The first screen loads only the map and its data.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { initI18n } from './app/i18n/i18n';
import { prefetchAppData, useAppData } from './app/use-app-data';
import './app/styles.css';

const i18n = initI18n();
const baseUrl = new URL('./', window.location.href).toString();
// The data files start loading now, beside the map's own, not after React's first render.
void prefetchAppData(baseUrl);

function Root() {
  // The map starts drawing the basemap while the overlay data is still on its way.
  const data = useAppData(baseUrl);
  return <App data={data} baseUrl={baseUrl} />;
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Root />
      </I18nextProvider>
    </StrictMode>,
  );
}
