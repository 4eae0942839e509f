/**
 * A default name for a new passkey from the user agent ("Chrome on macOS"): only the coarse browser
 * and system, which is what a user recognises in a list. Pure, so any UA string can be tested.
 */
const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\//, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/iPhone|iPad|iPod/, 'iOS'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Windows/, 'Windows'],
  [/Linux/, 'Linux'],
];

export function deviceParts(userAgent: string, platform?: string): { browser?: string; os?: string } {
  const browser = browsers.find(([re]) => re.test(userAgent))?.[1];
  const os = (platform && systems.find(([re]) => re.test(platform))?.[1]) || platform || systems.find(([re]) => re.test(userAgent))?.[1];
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}
