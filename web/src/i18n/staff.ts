import { registerMessages } from './index.js';
import { liveStaffEn } from './livestaff.en.js';
import { liveStaffZh } from './livestaff.zh.js';
import { ordersEn } from './orders.en.js';
import { ordersZh } from './orders.zh.js';
import { staffEn } from './staff.en.js';
import { staffZh } from './staff.zh.js';

// Imported for its effect by the staff app: adds the staff faces' texts to the dictionaries.
registerMessages({ zh: { ...staffZh, ...liveStaffZh, ...ordersZh }, en: { ...staffEn, ...liveStaffEn, ...ordersEn } });
