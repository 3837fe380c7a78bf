// Vite config for `npm run bench`: the app plus the bare MapLibre page (same basemap), built together into reports/.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../../vite.config';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default mergeConfig(
  appConfig,
  defineConfig({
    root,
    build: {
      outDir: 'reports/bench-dist',
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          app: fileURLToPath(new URL('../../index.html', import.meta.url)),
          bare: fileURLToPath(new URL('./bare-map.html', import.meta.url)),
        },
      },
    },
  }),
);
