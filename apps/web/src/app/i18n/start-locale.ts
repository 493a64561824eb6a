import { initialLocale, loadLocale } from './messages';

// Imported first by main.tsx: the interface language's pack is fetched at once, while the rest of
// the entry (React, antd) is still being evaluated. Listed in package.json's sideEffects so the
// build keeps this import-for-effect.
loadLocale(initialLocale()).catch(() => undefined);
