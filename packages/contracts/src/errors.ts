/**
 * Typed error codes with their HTTP status and zh-CN / en-US messages.
 * The server answers `{ error: { code, message, details } }`; the web app may show
 * `message` (already in the user's language) or look the code up here.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标注的字段', en: 'Some fields are invalid' },
  BAD_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  BODY_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  SESSION_EXPIRED: {
    status: 401,
    zh: '登录已过期，请重新登录',
    en: 'Your session has expired, please sign in again',
  },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: { status: 403, zh: '该记录不在您的管辖范围内', en: 'This record is outside your area' },
  CSRF_INVALID: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page is stale, reload and try again',
  },
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '连续登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    zh: '账号已停用，请联系管理员',
    en: 'This account is disabled; contact your administrator',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' },
  PASSWORD_WEAK: {
    status: 400,
    zh: '密码至少 10 位，须同时包含字母和数字，且不能与用户名相同',
    en: 'Passwords need at least 10 characters with letters and digits, and must differ from the username',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'Change your initial password first',
  },
  PASSWORD_WRONG: { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后重试',
    en: 'Someone else changed this record; reload and try again',
  },
  USERNAME_TAKEN: { status: 409, zh: '用户名已存在', en: 'This username is taken' },
  ORG_CODE_TAKEN: { status: 409, zh: '单位编码已存在', en: 'This unit code is taken' },
  ORG_NOT_FOUND: { status: 404, zh: '单位不存在', en: 'No such unit' },
  ORG_PARENT_INVALID: {
    status: 400,
    zh: '上级单位不合法（类型不匹配或不在管辖范围内）',
    en: 'The parent unit is not valid for this kind of unit',
  },
  ORG_HAS_CHILDREN: {
    status: 409,
    zh: '该单位下仍有下级单位或用户',
    en: 'This unit still has sub-units or users',
  },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'No such user' },
  ROLE_NOT_ALLOWED: {
    status: 400,
    zh: '该角色不适用于所选单位，或超出您的授权',
    en: 'This role does not fit the unit, or you may not grant it',
  },
  CANNOT_DISABLE_SELF: { status: 400, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  NOTIFICATION_NOT_FOUND: { status: 404, zh: '通知不存在', en: 'No such notification' },
  PROJECT_NOT_FOUND: { status: 404, zh: '项目不存在', en: 'No such project' },
  INVESTOR_NOT_FOUND: { status: 404, zh: '投资方不存在', en: 'No such investor' },
  INVESTOR_EXISTS: {
    status: 409,
    zh: '该统一社会信用代码的投资方已存在',
    en: 'An investor with this credit code exists already',
  },
  CREDIT_CODE_INVALID: {
    status: 400,
    zh: '统一社会信用代码不正确（18 位，校验位按 GB 32100-2015 计算）',
    en: 'The unified social credit code is wrong (18 characters, check digit per GB 32100-2015)',
  },
  INVESTOR_ORIGIN_REQUIRED: {
    status: 400,
    zh: '请填写统一社会信用代码，或境外注册号及国别',
    en: 'Give a credit code, or a foreign registration number and country',
  },
  REGION_INVALID: {
    status: 400,
    zh: '项目所在地须为您管辖范围内的县（市、区）或开发区',
    en: 'The location must be a county or development zone within your area',
  },
  INDUSTRY_UNKNOWN: {
    status: 400,
    zh: '行业代码不在《国民经济行业分类》(GB/T 4754-2017) 中',
    en: 'Unknown industry code (GB/T 4754-2017)',
  },
  FOREIGN_EXCEEDS_TOTAL: {
    status: 400,
    zh: '外资金额折合人民币超过了项目总投资',
    en: 'Foreign capital exceeds the total investment',
  },
  STAGE_TRANSITION_INVALID: {
    status: 409,
    zh: '不允许的阶段变更：只能按 线索→在谈→签约→开工→投产 逐级推进',
    en: 'Stage change not allowed: stages move one step forward at a time',
  },
  FUNDS_BEFORE_SIGNING: {
    status: 400,
    zh: '到位资金只能登记在已签约的项目上，且到账日期不早于签约日期',
    en: 'Funds in place can only be recorded on a signed project, received on or after the signing date',
  },
  STAGE_DATE_INVALID: {
    status: 400,
    zh: '日期不能早于上一阶段的日期，也不能晚于今天',
    en: 'The date cannot precede the previous stage or lie in the future',
  },
  REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'A reason is required' },
  PROJECT_PAUSED: { status: 409, zh: '项目已暂停，请先恢复', en: 'The project is paused; resume it first' },
  PROJECT_CLOSED: {
    status: 409,
    zh: '项目已终止，不能再修改',
    en: 'The project is terminated and can no longer change',
  },
  ITEM_NOT_FOUND: { status: 404, zh: '记录不存在', en: 'No such record' },
  IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有错误，未导入任何数据，请按错误报告修改后重试',
    en: 'The file has errors; nothing was imported. Fix the rows in the report and try again',
  },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'No such import' },
  FILE_INVALID: { status: 400, zh: '文件格式不正确或已损坏', en: 'The file is not valid or is damaged' },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error, try again later' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'zh-CN' | 'en-US';

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const e = ERRORS[code];
  return locale === 'en-US' ? e.en : e.zh;
}
