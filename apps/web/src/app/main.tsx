import './i18n/start-locale';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { BootSpin } from './i18n/BootSpin';
import { I18nProvider } from './i18n/I18nProvider';
import './styles.css';
import { zodJitless } from './zod-jitless';

// before any page builds a zod schema (the CSP forbids zod's new Function() probe)
zodJitless();

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');

createRoot(root).render(
  <StrictMode>
    <I18nProvider fallback={<BootSpin />}>
      <App />
    </I18nProvider>
  </StrictMode>,
);
