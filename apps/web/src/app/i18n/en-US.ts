import { activitiesEnUS } from '../../features/activities/i18n.en-US';
import { appealsEnUS } from '../../features/appeals/i18n.en-US';
import { auditEnUS } from '../../features/audit/i18n.en-US';
import { authEnUS } from '../../features/auth/i18n.en-US';
import { dashboardEnUS } from '../../features/dashboard/i18n.en-US';
import { homeEnUS } from '../../features/home/i18n.en-US';
import { incentivesEnUS } from '../../features/incentives/i18n.en-US';
import { notificationsEnUS } from '../../features/notifications/i18n.en-US';
import { orgsEnUS } from '../../features/orgs/i18n.en-US';
import { projectsEnUS } from '../../features/projects/i18n.en-US';
import { rectificationEnUS } from '../../features/rectification/i18n.en-US';
import { usersEnUS } from '../../features/users/i18n.en-US';
import { kitEnUS } from '../../kit/i18n.en-US';
import type { MessageKey } from './zh-CN';

/** The en-US message table: the same keys as zh-CN.ts, every one translated. */
export const enUS: Record<MessageKey, string> = {
  'app.name': '营商通 Yingshang',
  'app.tagline': 'One platform for investment promotion and the business environment',
  'app.intro':
    'Yingshang brings the investment project pipeline, promotion activities, incentive payouts, enterprise appeals and business-environment rectification onto one platform, replacing scattered Excel ledgers, chat groups and paper forms.',
  'app.intro2':
    'The province, cities, counties, development zones and departments work together, each within its own area, and every change is recorded.',
  'lang.label': 'Language',
  'lang.zh-CN': '中文',
  'lang.en-US': 'English',
  'lang.short.zh-CN': '中文',
  'lang.short.en-US': 'EN',
  'nav.menu': 'Navigation menu',
  'nav.openMenu': 'Open the menu',
  'common.ok': 'OK',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.edit': 'Edit',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.refresh': 'Refresh',
  'common.actions': 'Actions',
  'common.all': 'All',
  'common.total': '{total} in total',
  'common.copy': 'Copy',
  'common.copied': 'Copied to the clipboard',
  'common.copyFailed': 'Could not copy automatically; select the text and copy it by hand',
  'common.backHome': 'Back to home',
  'common.retry': 'Retry',
  'common.saved': 'Saved',
  'common.loading': 'Loading…',
  'common.required': '{field} is required',
  'common.selectRequired': 'Choose the {field}',
  'common.open': 'Open',
  'common.yes': 'Yes',
  'common.no': 'No',
  'error.network': 'Cannot reach the server; check the network and try again',
  'error.unknown': 'That did not work; try again later',
  'error.loadFailed': 'Could not load the data: {message}',
  'error.notFound.title': 'Page not found',
  'error.notFound.desc': 'This address does not exist. Use the menu on the left to open what you need.',
  'error.forbidden.title': 'Access denied',
  'error.forbidden.desc':
    'Your role does not include this page. Ask the system administrator of your unit if you need it.',
  'error.crash.title': 'Something went wrong',
  'error.crash.desc':
    'The page hit an unexpected error. Reload it; if the problem persists, tell your administrator when it happened.',
  'nav.home': 'Home',
  'nav.business': 'Business',
  'nav.system': 'Administration',
  'nav.orgs': 'Units',
  'nav.users': 'Users',
  'nav.audit': 'Audit log',
  'nav.notifications': 'Notifications',
  'nav.changePassword': 'Change password',
  'nav.collapse': 'Collapse menu',
  'nav.expand': 'Expand menu',
  'module.dashboard.name': 'Dashboard',
  'module.dashboard.desc':
    'Investment and business-environment figures for any period and region, with year-on-year comparison, rankings of counties and zones, charts, a map, a generated bulletin paragraph and Excel export.',
  'module.projects.name': 'Project pipeline',
  'module.projects.desc':
    'Follow projects from lead through negotiation, signing and groundbreaking to production, with the investor, investment, factor needs, funds in place and promises made; compute fulfilment, start and production rates.',
  'module.activities.name': 'Promotion activities',
  'module.activities.desc':
    'Record outbound trips, promotion conferences, signing ceremonies and chamber events: who led them, whom they met, which projects were signed and for how much.',
  'module.incentives.name': 'Incentive payouts',
  'module.incentives.desc':
    'Incentive policies as computable rules: enterprises apply online, the zone, city and province review in turn, every amount comes with its calculation trace, and double claims are blocked.',
  'module.appeals.name': 'Enterprise appeals',
  'module.appeals.desc':
    'One queue for appeals from the "cannot get it done" window, the hotline, the online portal, government–enterprise meetings and the project express line: accept, assign, answer and rate, with deadlines in working days and supervision of overdue items.',
  'module.rectification.name': 'Rectification ledger',
  'module.rectification.desc':
    'Business-environment rectification tasks with lead and cooperating units, measures, deadlines and progress reports; closed only after verification, with overdue alerts and special ledgers such as arrears owed to SMEs.',
  'admin.orgs.desc':
    'Maintain the tree of units: province, cities, counties, development zones, departments and enterprises.',
  'admin.users.desc':
    'Open accounts for the units in your area, assign roles, reset passwords, disable or enable accounts.',
  'admin.audit.desc': 'See who changed what and when, and compare each change field by field.',
  'admin.notifications.desc': 'See the tasks assigned to you and the deadline reminders.',
  'role.province_admin': 'Provincial administrator',
  'role.city_bureau': 'City investment-promotion bureau',
  'role.county_staff': 'County / zone staff',
  'role.dept_handler': 'Department handler',
  'role.leader': 'Leader',
  'role.inspector': 'Inspector',
  'role.enterprise': 'Enterprise',
  'header.notifications': 'Notifications',
  'header.userMenu': 'Account menu',
  'common.remove': 'Remove',
  'common.close': 'Close',
  ...kitEnUS,
  ...appealsEnUS,
  ...dashboardEnUS,
  ...rectificationEnUS,
  ...incentivesEnUS,
  ...authEnUS,
  ...orgsEnUS,
  ...homeEnUS,
  ...notificationsEnUS,
  ...usersEnUS,
  ...auditEnUS,
  ...activitiesEnUS,
  ...projectsEnUS,
};
