import { baseConfig } from './scripts/wtr/base.js';
import { chromium, firefox, webkit } from './scripts/wtr/launchers.js';

export default { ...baseConfig('browsers'), browsers: [chromium(), firefox(), await webkit()] };
