import type { authZhCN } from './i18n.zh-CN';

/** en-US texts of the auth feature: the same keys as i18n.zh-CN.ts. */
export const authEnUS: Record<keyof typeof authZhCN, string> = {
  'auth.username': 'Username',
  'auth.password': 'Password',
  'auth.login.title': 'Sign in',
  'auth.login.submit': 'Sign in',
  'auth.login.usernameRequired': 'Enter your username',
  'auth.login.passwordRequired': 'Enter your password',
  'auth.login.footer':
    'For authorised government staff and registered enterprises. Forgot your password? Ask the administrator of your unit to reset it.',
  'auth.logout': 'Sign out',
  'auth.loggedOut': 'You have signed out',
  'auth.changePassword.title': 'Change password',
  'auth.changePassword.current': 'Current password',
  'auth.changePassword.new': 'New password',
  'auth.changePassword.confirm': 'Confirm new password',
  'auth.changePassword.mismatch': 'The two new passwords do not match',
  'auth.changePassword.sameAsOld': 'The new password must differ from the current one',
  'auth.changePassword.rule': 'At least 10 characters with letters and digits, not containing the username',
  'auth.changePassword.weak': 'This password is too weak; follow the rule below',
  'auth.changePassword.success': 'Your password has been changed',
  'auth.changePassword.submit': 'Change password',
  'auth.changePassword.forcedTitle': 'Change your password first',
  'auth.changePassword.forcedDesc':
    'You are using a temporary password set by an administrator. For the safety of your account, replace it with a password only you know before you continue.',
  'auth.changePassword.intro':
    'Sessions on other devices stay signed in; use the new password the next time you sign in.',
};
