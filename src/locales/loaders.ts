import { registerLocaleLoader, registerTranslation } from '../elements/shared/localize.js';
import { onDemand } from '../elements/shared/on-demand.js';

// Built-in translations, fetched the first time an element meets their language. The tables are
// plain data, so a lazily loaded one shares no code chunk with the bundle that loads it.
const de = onDemand(() => import('./tables/de.js'));
const fr = onDemand(() => import('./tables/fr.js'));
registerLocaleLoader('de', () => de().then((m) => registerTranslation('de', m.default)));
registerLocaleLoader('fr', () => fr().then((m) => registerTranslation('fr', m.default)));
