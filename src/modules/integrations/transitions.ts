import { defineMachine } from '../../platform/state-machine/state-machine.js';
import { API_CLIENT_STATUS_LABELS, type ApiClientStatus } from '../../contracts/enums/integrations.js';

/** A client system is active until an administrator revokes it (for good: a new one is issued instead). */
export const API_CLIENT_MACHINE = defineMachine<ApiClientStatus, 'revoke'>({
  table: 'api_clients',
  subject: { zh: '对接系统', en: 'API client' },
  statuses: API_CLIENT_STATUS_LABELS,
  moves: { revoke: { from: ['active'], to: 'revoked', label: { zh: '吊销', en: 'revoke' } } },
});
