/**
 * The text `<mfa-enrollment>` and the flows it opens both show (one namespace, `mfa-enrollment`,
 * so that the translation tables stay as they are).
 */
export const flowStrings = {
  'flow.cancel': 'Cancel',
  'limited.requests': 'Too many requests.',
  'limited.attempts': 'Too many failed attempts.',
  'unsupported.enroll': 'This server cannot add methods.',
};
