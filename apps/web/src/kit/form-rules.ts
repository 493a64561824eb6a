import type { MessageKey } from '../app/i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The antd rules of a required text field and of a required choice, in the user's language. */
export const requiredRules = (t: T) => ({
  req: (field: MessageKey) => ({
    required: true,
    whitespace: true,
    message: t('common.required', { field: t(field) }),
  }),
  sel: (field: MessageKey) => ({
    required: true,
    message: t('common.selectRequired', { field: t(field) }),
  }),
});
