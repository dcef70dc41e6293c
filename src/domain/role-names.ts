import type { Role } from './types';

/** Chinese names of roles, for replies. */
export const ROLE_NAMES: Record<Role, string> = {
  trainee: '学员',
  lecturer: '讲师',
  staff: '工作人员',
  office: '领导组办公室',
};

/** Parses a role as staff type it in 授权. */
export function parseRoleName(text: string): Role | null {
  const t = text.trim();
  const found = (Object.entries(ROLE_NAMES) as [Role, string][]).find(([key, name]) => name === t || key === t.toLowerCase());
  if (found) return found[0];
  if (t === '老师') return 'lecturer';
  if (t === '办公室') return 'office';
  return null;
}
