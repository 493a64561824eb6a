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
  appeal_filed: {
    title: { zh: '新诉求待受理：{title}', en: 'New appeal to accept: {title}' },
    body: {
      zh: '诉求 {code}（{channel}）已提交，请在 {due} 前受理。',
      en: 'Appeal {code} ({channel}) was filed; accept it by {due}.',
    },
  },
  appeal_assigned: {
    title: { zh: '诉求交办：{title}', en: 'Appeal assigned to you: {title}' },
    body: {
      zh: '{actor} 将诉求 {code} 交办给 {unit}，请在 {due} 前签收，答复期限 {answerDue}。',
      en: '{actor} assigned appeal {code} to {unit}: sign for it by {due}, answer by {answerDue}.',
    },
  },
  appeal_returned: {
    title: { zh: '诉求被退回：{title}', en: 'Appeal returned: {title}' },
    body: { zh: '{unit} 退回了诉求 {code}：{reason}', en: '{unit} returned appeal {code}: {reason}' },
  },
  appeal_rejected: {
    title: { zh: '您的诉求未予受理', en: 'Your appeal was not accepted' },
    body: {
      zh: '诉求 {code}「{title}」未予受理：{reason}',
      en: 'Appeal {code} “{title}” was not accepted: {reason}',
    },
  },
  appeal_replied: {
    title: { zh: '企业已答复询问：{title}', en: 'The enterprise replied: {title}' },
    body: { zh: '诉求 {code}：{reply}', en: 'Appeal {code}: {reply}' },
  },
  appeal_question: {
    title: { zh: '承办单位就您的诉求提问', en: 'A question about your appeal' },
    body: { zh: '诉求 {code}「{title}」：{question}', en: 'Appeal {code} “{title}”: {question}' },
  },
  appeal_answered: {
    title: { zh: '您的诉求已答复，请评价', en: 'Your appeal was answered: please rate it' },
    body: {
      zh: '诉求 {code}「{title}」已由 {unit} 答复，请查看并评价。',
      en: 'Appeal {code} “{title}” was answered by {unit}; read it and rate the answer.',
    },
  },
  appeal_reopened: {
    title: { zh: '诉求重办：{title}', en: 'Appeal reopened: {title}' },
    body: {
      zh: '企业对诉求 {code} 的答复不满意，已重办，请在 {due} 前重新答复。',
      en: 'The enterprise was not satisfied with the answer to {code}; answer again by {due}.',
    },
  },
  appeal_overdue: {
    title: { zh: '诉求逾期督办：{title}', en: 'Appeal overdue: {title}' },
    body: {
      zh: '诉求 {code} 的{stage}期限 {due} 已过，请尽快办理。',
      en: 'The {stage} deadline of appeal {code} ({due}) has passed; act now.',
    },
  },
  appeal_escalated: {
    title: { zh: '诉求逾期升级督办：{title}', en: 'Overdue appeal escalated: {title}' },
    body: {
      zh: '诉求 {code} 已逾期 {days} 个工作日，升级至 {unit} 督办。',
      en: 'Appeal {code} is {days} working days overdue and was escalated to {unit}.',
    },
  },
  appeal_instructed: {
    title: { zh: '领导批示：{title}', en: 'Leader’s instruction: {title}' },
    body: { zh: '{actor} 对诉求 {code} 批示：{note}', en: '{actor} on appeal {code}: {note}' },
  },
  rectification_assigned: {
    title: { zh: '新的整改任务：{issue}', en: 'New rectification task: {issue}' },
    body: {
      zh: '{campaign}：{unit}为{role}，完成时限 {due}（任务 {code}）。',
      en: '{campaign}: {unit} is the {role} unit; due {due} (task {code}).',
    },
  },
  rectification_returned: {
    title: { zh: '整改任务核查未通过：{issue}', en: 'Task verification failed: {issue}' },
    body: {
      zh: '{actor} 核查任务 {code} 未通过，已退回整改：{findings}',
      en: '{actor} did not pass task {code}; it is sent back: {findings}',
    },
  },
  rectification_closed: {
    title: { zh: '整改任务已销号：{issue}', en: 'Task closed: {issue}' },
    body: { zh: '任务 {code} 已由 {actor} 销号。', en: 'Task {code} was closed by {actor}.' },
  },
  rectification_reopened: {
    title: { zh: '整改任务重新打开：{issue}', en: 'Task reopened: {issue}' },
    body: { zh: '{actor} 重新打开任务 {code}：{reason}', en: '{actor} reopened task {code}: {reason}' },
  },
  rectification_due_soon: {
    title: { zh: '整改任务临期提醒：{issue}', en: 'Task due soon: {issue}' },
    body: {
      zh: '任务 {code} 的完成时限为 {due}（还有 {days} 天），当前进度 {progress}%。',
      en: 'Task {code} is due on {due} (in {days} days); progress {progress}%.',
    },
  },
  rectification_overdue: {
    title: { zh: '整改任务逾期：{issue}', en: 'Task overdue: {issue}' },
    body: {
      zh: '任务 {code} 已超过完成时限 {due}（逾期 {days} 天），当前进度 {progress}%，请尽快整改。',
      en: 'Task {code} passed its deadline {due} ({days} days overdue) at {progress}%; act now.',
    },
  },
  incentive_review: {
    title: { zh: '奖励申请待审核：{enterprise}', en: 'Incentive application to review: {enterprise}' },
    body: {
      zh: '申请 {code}（测算金额 {amount} 元）待{stage}审核，请在 {due} 前办理。',
      en: 'Application {code} (computed CNY {amount}) awaits the {stage} review; decide by {due}.',
    },
  },
  incentive_returned: {
    title: { zh: '奖励申请退回补充材料', en: 'Incentive application returned for material' },
    body: {
      zh: '申请 {code} 被{unit}退回：{reason}。请补充材料后重新提交。',
      en: 'Application {code} was returned by {unit}: {reason}. Add the material and resubmit.',
    },
  },
  incentive_rejected: {
    title: { zh: '奖励申请未予通过', en: 'Incentive application rejected' },
    body: {
      zh: '申请 {code} 未予通过（{unit}）：{reason}',
      en: 'Application {code} was rejected by {unit}: {reason}',
    },
  },
  incentive_approved: {
    title: { zh: '奖励申请已审定通过', en: 'Incentive application approved' },
    body: {
      zh: '申请 {code} 已由省级审定通过，审定金额 {amount} 元，应于 {due} 前兑付。',
      en: 'Application {code} was approved by the province for CNY {amount}, to be paid by {due}.',
    },
  },
  incentive_paid: {
    title: { zh: '奖励资金已兑付', en: 'Incentive paid' },
    body: {
      zh: '申请 {code} 兑付 {amount} 元（凭证 {voucher}），累计已兑付 {paid} 元。',
      en: 'Application {code}: CNY {amount} paid (voucher {voucher}), CNY {paid} paid in all.',
    },
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
  'region_target',
  'factor_need',
  'promise',
  'fund',
  'attachment',
  'activity',
  'official',
  'appeal',
  'appeal_meeting',
  'holiday_schedule',
  'sla_rule',
  'rectification_campaign',
  'rectification_task',
  'rectification_report',
  'rectification_verification',
  'arrear',
  'repayment',
  'incentive_application',
  'incentive_payment',
  'incentive_rate',
  'incentive_catalogue',
  'system',
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
  'link',
  'unlink',
  'accept',
  'reject',
  'assign',
  'sign',
  'return',
  'progress',
  'ask',
  'reply',
  'answer',
  'rate',
  'callback',
  'instruct',
  'merge',
  'overdue',
  'escalate',
  'contribute',
  'verify',
  'close',
  'reopen',
  'repay',
  'submit',
  'approve',
  'pay',
  'seed',
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
