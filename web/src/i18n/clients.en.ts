import type { clientsZh } from './clients.zh.js';

/** English texts of the API clients page. */
export const clientsEn: Record<keyof typeof clientsZh, string> = {
  'clients.menu': 'API clients',
  'clients.title': 'API clients and keys',
  'clients.description':
    'Keys for outside systems such as the 12345 city hotline: they push orders with the key, and the results (reply, extension, close-out) go back to their callback address. After a rotation the old key keeps working for {hours} hours; a revoked client stops at once.',
  'clients.issue': 'Issue a new API client',
  'clients.name': 'System name',
  'clients.nameRequired': 'Enter the system name (at least 2 characters)',
  'clients.scopes': 'Scopes',
  'clients.scopesRequired': 'Choose at least one scope',
  'clients.callbackUrl': 'Result callback URL',
  'clients.callbackHint': 'Where the system receives results (https://…); leave empty to send none',
  'clients.callbackInvalid': 'Enter a full address starting with http:// or https://',
  'clients.rate': 'Requests per minute',
  'clients.keys': 'Keys',
  'clients.keyCurrent': 'Current key',
  'clients.keyGrace': 'Previous key, works until {time}',
  'clients.keyExpired': 'Expired',
  'clients.createdAt': 'Issued',
  'clients.rotate': 'Rotate key',
  'clients.rotateConfirm': 'Rotate the key? The new key is shown once; the old one stops in {hours} hours.',
  'clients.revoke': 'Revoke',
  'clients.revokeConfirm': 'Revoke this API client? All its keys stop at once; this cannot be undone.',
  'clients.revoked': 'Revoked',
  'clients.edit': 'Edit',
  'clients.save': 'Save',
  'clients.empty': 'No API clients yet',
  'clients.secretTitle': 'Save the key now',
  'clients.secretWarning':
    'The key and signing secret are shown this once and cannot be seen again. Hand them to the other system’s administrator over a secure channel; if lost, rotate the key.',
  'clients.key': 'API key (Authorization: Bearer …)',
  'clients.signingSecret': 'Signing secret (HMAC requests and callback signatures)',
  'clients.previousUntil': 'The previous key still works until {time}.',
  'clients.copy': 'Copy',
  'clients.copied': 'Copied',
  'clients.copyFailed': 'Copying failed; select the text and copy it by hand',
  'clients.saved': 'Saved',
  'clients.docs':
    'The API is described in docs/integrations.md; failed callbacks are replayed from the dead letters on the Channels page.',
  'clients.close': 'I have saved it, close',
};
