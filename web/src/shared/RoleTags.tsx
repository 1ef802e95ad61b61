import { Tag } from 'antd';
import { useLang } from '../i18n/index.js';
import { ROLE_LABELS } from '../../../src/contracts/enums/org.js';
import type { Role } from '../../../src/contracts/enums/org.js';

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
