import { registerLocaleLoader, registerTranslation } from '../elements/shared/localize.js';

// Built-in translations, fetched the first time an element meets their language. The tables are
// plain data, so a lazily loaded one shares no code chunk with the bundle that loads it.
registerLocaleLoader('de', () => import('./tables/de.js').then((m) => registerTranslation('de', m.default)));
registerLocaleLoader('fr', () => import('./tables/fr.js').then((m) => registerTranslation('fr', m.default)));
