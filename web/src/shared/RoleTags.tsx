import { Tag } from 'antd';
import type { Role } from '../api/types.js';
import { useLang } from '../i18n/index.js';
import { ROLE_LABELS } from './labels.js';

export function RoleTags({ roles, color = 'blue' }: { roles: Role[]; color?: string }) {
  const { lang } = useLang();
  return (
    <>
      {roles.map((r) => (
        <Tag key={r} color={color} style={{ marginInlineEnd: 4 }}>
          {ROLE_LABELS[r]?.[lang] ?? r}
        </Tag>
      ))}
    </>
  );
}
