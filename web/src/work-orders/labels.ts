import type { WorkOrderStatus } from '../../../src/contracts/enums/work-orders.js';

/** Tag colours of work-order statuses (the status tags of the other lists; readable contrast). */
export const ORDER_STATUS_COLORS: Record<WorkOrderStatus, string> = {
  received: 'warning',
  dispatched: 'processing',
  handling: 'processing',
  extension_requested: 'warning',
  returned: 'error',
  replied: 'success',
  called_back: 'success',
  closed: 'default',
};
