import { useState } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError, errorText } from '../api/client.js';
import { useT } from '../i18n/index.js';

/**
 * Runs a form's save call: shows the server's own message on failure (and marks the fields it names),
 * a success message otherwise. Returns true when saved.
 */
export function useSubmit(form: FormInstance) {
  const t = useT();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async <T>(call: () => Promise<T>, success: string | ((result: T) => string)): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await call();
      message.success(typeof success === 'function' ? success(result) : success);
      return true;
    } catch (e) {
      const text = errorText(e, t('common.failed'));
      setError(text);
      if (e instanceof ApiError && e.fields.length) {
        const known = new Set(Object.keys(form.getFieldsValue(true) as object));
        form.setFields(
          e.fields.filter((f) => known.has(f)).map((name) => ({ name, errors: [t('common.fieldInvalid')] })),
        );
      }
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
