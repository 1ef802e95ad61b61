import type { FormRule as Rule } from 'antd';
import type { TFunction } from '../../i18n/index.js';

/** The server's password rule, checked before sending: 8–128 characters with letters and digits. */
export function passwordRules(t: TFunction): Rule[] {
  return [
    { required: true, message: t('user.passwordRequired') },
    {
      validator: (_, v: string | undefined) =>
        !v || (v.length >= 8 && v.length <= 128 && /[A-Za-z]/.test(v) && /\d/.test(v))
          ? Promise.resolve()
          : Promise.reject(new Error(t('user.passwordHint'))),
    },
  ];
}
