import { baseConfig } from './scripts/wtr/base.js';
import { chromium } from './scripts/wtr/launchers.js';

export default { ...baseConfig('chromium'), browsers: [chromium()] };
