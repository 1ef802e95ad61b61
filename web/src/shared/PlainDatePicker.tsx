import { DatePicker, type DatePickerProps } from 'antd';
import dayjs from 'dayjs';

type Props = Omit<DatePickerProps, 'value' | 'onChange'> & {
  value?: string | null;
  onChange?(value: string | undefined): void;
};

/**
 * antd's date picker (in the user's language, like every other date field of the staff faces) for a form field
 * that holds a plain date as the API has it, 'YYYY-MM-DD'; used inside a Form.Item like an Input.
 */
export function PlainDatePicker({ value, onChange, ...rest }: Props) {
  return (
    <DatePicker
      style={{ width: '100%' }}
      {...rest}
      format="YYYY-MM-DD"
      value={value ? dayjs(value) : null}
      onChange={(_, text) => onChange?.(typeof text === 'string' && text ? text : undefined)}
    />
  );
}
