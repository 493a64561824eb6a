/**
 * Plain (zod-free) texts and helpers shared by server and web: notification templates, audit
 * vocabulary and the password rule. Kept apart from the schemas so the web bundle can leave zod out.
 */
import type { Locale } from './errors.js';

type Text = { zh: string; en: string };

/** Notification templates by kind; `{name}` placeholders are filled from the notification's params. */
export const NOTICE_TEXT: Record<string, { title: Text; body?: Text }> = {
  account_created: {
    title: { zh: '欢迎使用营商通', en: 'Welcome to 营商通' },
    body: {
      zh: '{actor} 为您开通了账号，首次登录请修改密码。',
      en: '{actor} opened an account for you; change the password at your first sign-in.',
    },
  },
  password_reset: {
    title: { zh: '您的密码已被重置', en: 'Your password was reset' },
    body: { zh: '{actor} 于 {date} 重置了您的密码。', en: '{actor} reset your password on {date}.' },
  },
};

const fill = (template: string, params: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (m, key: string) => params[key] ?? m);

/** A notification's title and body in the reader's language; unknown kinds carry literal text in params. */
export function renderNotice(
  kind: string,
  params: Record<string, string>,
  locale: Locale,
): { title: string; body: string | null } {
  const t = NOTICE_TEXT[kind];
  const lang = locale === 'en-US' ? 'en' : 'zh';
  if (!t) return { title: params.title ?? kind, body: params.body ?? null };
  return { title: fill(t.title[lang], params), body: t.body ? fill(t.body[lang], params) : null };
}

/** What the audit trail records (the web app names each in both languages). */
export const AUDIT_ENTITIES = [
  'org_unit',
  'user',
  'project',
  'investor',
  'factor_need',
  'promise',
  'fund',
  'attachment',
] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'disable',
  'enable',
  'reset_password',
  'change_password',
  'lock',
  'stage',
  'import',
  'delete',
] as const;

/** Password rule shared by server and forms: ≥ 10 characters, letters and digits, not containing the username. */
export function isWeakPassword(password: string, username?: string): boolean {
  return (
    password.length < 10 ||
    !/[A-Za-z]/.test(password) ||
    !/[0-9]/.test(password) ||
    (username !== undefined && username.length > 0 && password.toLowerCase().includes(username.toLowerCase()))
  );
}
