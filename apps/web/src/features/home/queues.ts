import type { Me, Permission } from '@yingshang/contracts';
import type { MessageKey } from '../../app/i18n/messages';

/**
 * A work queue on the home page: what waits for this user, counted by the list endpoint the role may
 * call (the total of a one-row page), and the list page that shows the same records — the list reads
 * the same query from its URL.
 */
export interface Queue {
  key: string;
  label: MessageKey;
  /** The API list the count comes from, and its filter. */
  endpoint: '/appeals' | '/incentives/applications' | '/rectification/tasks';
  query: Record<string, string>;
  /** The page of the same list. */
  page: '/appeals' | '/incentives' | '/rectification/tasks';
  tone?: 'warning' | 'danger';
  /** Any of these permissions makes the queue this user's. */
  permissions: readonly Permission[];
  /** Only for an enterprise's account, or only for the staff's. */
  audience: 'enterprise' | 'staff';
}

export const QUEUES: readonly Queue[] = [
  // an enterprise follows its own appeals and applications
  {
    key: 'ent-open-appeals',
    label: 'home.q.myOpenAppeals',
    endpoint: '/appeals',
    query: { open: 'true' },
    page: '/appeals',
    permissions: ['appeals.read'],
    audience: 'enterprise',
  },
  {
    key: 'ent-to-rate',
    label: 'home.q.toRate',
    endpoint: '/appeals',
    query: { status: 'answered' },
    page: '/appeals',
    tone: 'warning',
    permissions: ['appeals.read'],
    audience: 'enterprise',
  },
  {
    key: 'ent-applications',
    label: 'home.q.myApplications',
    endpoint: '/incentives/applications',
    query: {},
    page: '/incentives',
    permissions: ['incentives.read'],
    audience: 'enterprise',
  },
  {
    key: 'ent-returned',
    label: 'home.q.returned',
    endpoint: '/incentives/applications',
    query: { status: 'returned' },
    page: '/incentives',
    tone: 'warning',
    permissions: ['incentives.read'],
    audience: 'enterprise',
  },
  // the staff's queues: what waits for their step
  {
    key: 'to-accept',
    label: 'home.q.toAccept',
    endpoint: '/appeals',
    query: { status: 'submitted' },
    page: '/appeals',
    permissions: ['appeals.manage'],
    audience: 'staff',
  },
  {
    key: 'to-assign',
    label: 'home.q.toAssign',
    endpoint: '/appeals',
    query: { status: 'accepted' },
    page: '/appeals',
    permissions: ['appeals.manage'],
    audience: 'staff',
  },
  {
    key: 'to-sign',
    label: 'home.q.toSign',
    endpoint: '/appeals',
    query: { status: 'assigned' },
    page: '/appeals',
    permissions: ['appeals.handle'],
    audience: 'staff',
  },
  {
    key: 'handling',
    label: 'home.q.handling',
    endpoint: '/appeals',
    query: { status: 'handling' },
    page: '/appeals',
    permissions: ['appeals.handle'],
    audience: 'staff',
  },
  {
    key: 'supervised',
    label: 'home.q.supervised',
    endpoint: '/appeals',
    query: { open: 'true', supervised: 'true' },
    page: '/appeals',
    permissions: ['appeals.instruct'],
    audience: 'staff',
  },
  {
    key: 'appeals-overdue',
    label: 'home.q.appealsOverdue',
    endpoint: '/appeals',
    query: { open: 'true', sla: 'overdue' },
    page: '/appeals',
    tone: 'danger',
    permissions: ['appeals.manage', 'appeals.handle', 'appeals.instruct'],
    audience: 'staff',
  },
  {
    key: 'to-review',
    label: 'home.q.toReview',
    endpoint: '/incentives/applications',
    query: { mine: 'review' },
    page: '/incentives',
    permissions: ['incentives.review'],
    audience: 'staff',
  },
  {
    key: 'to-pay',
    label: 'home.q.toPay',
    endpoint: '/incentives/applications',
    query: { mine: 'pay' },
    page: '/incentives',
    permissions: ['incentives.pay'],
    audience: 'staff',
  },
  {
    key: 'tasks-to-verify',
    label: 'home.q.tasksToVerify',
    endpoint: '/rectification/tasks',
    query: { awaiting: 'verification' },
    page: '/rectification/tasks',
    permissions: ['rectification.verify'],
    audience: 'staff',
  },
  {
    key: 'tasks-due-soon',
    label: 'home.q.tasksDueSoon',
    endpoint: '/rectification/tasks',
    query: { status: 'open', timing: 'due_soon' },
    page: '/rectification/tasks',
    tone: 'warning',
    permissions: ['rectification.report', 'rectification.verify'],
    audience: 'staff',
  },
  {
    key: 'tasks-overdue',
    label: 'home.q.tasksOverdue',
    endpoint: '/rectification/tasks',
    query: { status: 'open', timing: 'overdue' },
    page: '/rectification/tasks',
    tone: 'danger',
    permissions: ['rectification.report', 'rectification.verify'],
    audience: 'staff',
  },
];

/** The queues of this user: its audience, and a permission that gives it work there. */
export function queuesFor(me: Me): Queue[] {
  const audience = me.user.orgUnit.kind === 'enterprise' ? 'enterprise' : 'staff';
  return QUEUES.filter(
    (q) => q.audience === audience && q.permissions.some((p) => me.permissions.includes(p)),
  );
}

/** The list page showing a queue's records. */
export const queueLink = (q: Queue) => {
  const search = new URLSearchParams(q.query).toString();
  return search ? `${q.page}?${search}` : q.page;
};
