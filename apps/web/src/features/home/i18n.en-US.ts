import type { homeZhCN } from './i18n.zh-CN';

/** en-US texts of the home feature: the same keys as i18n.zh-CN.ts. */
export const homeEnUS: Record<keyof typeof homeZhCN, string> = {
  'home.welcome': 'Hello, {name}',
  'home.cardsTitle': 'What you can do here',
  'home.noModules':
    'Your account has no functions yet. Ask the administrator of your unit to assign you a role.',
  'home.queuesTitle': 'Waiting for you',
  'home.q.failed': 'Cannot count now',
  'home.q.myOpenAppeals': 'Open appeals',
  'home.q.toRate': 'Answered, waiting for your rating',
  'home.q.myApplications': 'My reward applications',
  'home.q.returned': 'Returned for more materials',
  'home.q.toAccept': 'Appeals to accept',
  'home.q.toAssign': 'Appeals to assign',
  'home.q.toSign': 'Appeals to sign for',
  'home.q.handling': 'Appeals being handled',
  'home.q.supervised': 'Supervised appeals',
  'home.q.appealsOverdue': 'Overdue open appeals',
  'home.q.toReview': 'Applications waiting for your review',
  'home.q.toPay': 'Rewards waiting for payment',
  'home.q.tasksToVerify': 'Tasks to verify',
  'home.q.tasksDueSoon': 'Rectification tasks due soon',
  'home.q.tasksOverdue': 'Overdue rectification tasks',
  'home.follow.all': 'All ({total})',
  'home.follow.allPlain': 'All',
  'home.ent.intro':
    'Meet a difficulty in your business? File an appeal here: the government offices accept, handle and answer it within set deadlines, and you rate the answer. If an incentive policy applies to you, apply for the reward online and follow its review and payment.',
  'home.ent.fileAppeal': 'File an appeal',
  'home.ent.apply': 'Apply for a reward',
  'home.ent.catalogue': 'Encouraged-industries catalogue',
  'home.ent.appealsTitle': 'My appeals in progress',
  'home.ent.appealsEmpty': 'You have no open appeals. When something cannot get done, file it here.',
  'home.ent.appealMeta': 'filed {filed}',
  'home.ent.appealMetaDue': 'filed {filed} · due {due}',
  'home.ent.applicationsTitle': 'My reward applications',
  'home.ent.applicationsEmpty':
    'You have not applied for a reward yet. Once capital has arrived or you are recognised as a regional HQ, apply online.',
  'home.ent.applicationMeta': 'applied {on} · {wan} (10k CNY)',
} as const;
