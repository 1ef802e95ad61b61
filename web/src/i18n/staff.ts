import { registerMessages } from './index.js';
import { staffEn } from './staff.en.js';
import { staffZh } from './staff.zh.js';

// Imported for its effect by the staff app: adds the staff faces' texts to the dictionaries.
registerMessages({ zh: staffZh, en: staffEn });
