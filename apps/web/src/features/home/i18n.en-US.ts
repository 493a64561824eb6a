import type { homeZhCN } from './i18n.zh-CN';

/** en-US texts of the home feature: the same keys as i18n.zh-CN.ts. */
export const homeEnUS: Record<keyof typeof homeZhCN, string> = {
  'home.welcome': 'Hello, {name}',
  'home.account': 'Your account',
  'home.username': 'Username',
  'home.unit': 'Unit',
  'home.roles': 'Roles',
  'home.cardsTitle': 'What you can do here',
  'home.noModules':
    'Your account has no functions yet. Ask the administrator of your unit to assign you a role.',
};
