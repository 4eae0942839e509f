import { registerLocaleLoader } from '../elements/shared/localize.js';

// Built-in translations, fetched the first time an element meets their language.
registerLocaleLoader('de', () => import('./de.js'));
registerLocaleLoader('fr', () => import('./fr.js'));
