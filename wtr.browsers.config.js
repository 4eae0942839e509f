import { baseConfig } from './scripts/wtr/base.js';
import { chromium, firefox, webkit } from './scripts/wtr/launchers.js';

// MFA_BROWSERS=firefox (or a comma-separated list) runs a subset of the engines.
const wanted = (process.env.MFA_BROWSERS ?? 'chromium,firefox,webkit').split(',').map((name) => name.trim());
const launchers = { chromium, firefox, webkit };
const unknown = wanted.filter((name) => !(name in launchers));
if (unknown.length > 0) throw new Error(`MFA_BROWSERS names unknown engines: ${unknown.join(', ')}`);

export default { ...baseConfig('browsers'), browsers: await Promise.all(wanted.map((name) => launchers[name]())) };
