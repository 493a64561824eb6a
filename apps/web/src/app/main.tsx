import './i18n/start-locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import { BootSpin } from './i18n/BootSpin';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';

// zod probes whether it may compile validators with new Function(); the CSP (script-src 'self')
// forbids that, and the probe made the browser report a violation on every page. Skip the probe.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider fallback={<BootSpin />}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
