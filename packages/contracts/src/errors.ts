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
  BACKDATE_LIMIT: {
    status: 400,
    zh: '日期早于您可补录的最早日期（补录期限按角色设定，例如县区人员限本年度内），请核对日期，或请上级单位补录',
    en: 'The date is earlier than your role may enter after the fact (e.g. county staff: within the current year); check it, or ask the unit above to enter it',
  },
  REASON_REQUIRED: { status: 400, zh: '请填写原因', en: 'A reason is required' },
  PROJECT_PAUSED: { status: 409, zh: '项目已暂停，请先恢复', en: 'The project is paused; resume it first' },
  PROJECT_CLOSED: {
    status: 409,
    zh: '项目已终止，不能再修改',
    en: 'The project is terminated and can no longer change',
  },
  ITEM_NOT_FOUND: { status: 404, zh: '记录不存在', en: 'No such record' },
  ACTIVITY_NOT_FOUND: { status: 404, zh: '招商活动不存在', en: 'No such activity' },
  ACTIVITY_DATES_INVALID: {
    status: 400,
    zh: '结束日期不能早于开始日期',
    en: 'The end date cannot precede the start date',
  },
  ACTIVITY_ORGANISER_INVALID: {
    status: 400,
    zh: '主办单位须为您管辖范围内的地区、开发区或部门',
    en: 'The organiser must be a region, zone or department within your area',
  },
  OFFICIAL_NOT_IN_ORG: {
    status: 400,
    zh: '带队领导须是组织机构中登记的、您可选用的领导',
    en: 'Leading officials must be registered officials of the organisation that you may choose',
  },
  OFFICIAL_UNIT_INVALID: {
    status: 400,
    zh: '领导所在单位须为您管辖范围内的省、市、县（市、区）或开发区',
    en: 'An official must belong to a province, city, county or zone within your area',
  },
  OFFICIAL_NOT_FOUND: { status: 404, zh: '领导不存在', en: 'No such official' },
  ACTIVITY_LINK_DUPLICATE: {
    status: 400,
    zh: '同一项目、企业或领导不能重复关联',
    en: 'A project, enterprise or official is linked twice',
  },
  ACTIVITY_PROJECT_OUT_OF_REGION: {
    status: 400,
    zh: '关联的项目须位于本活动主办地区的管辖范围内',
    en: 'Linked projects must lie within the organising region of the activity',
  },
  PROJECT_SOURCE_TAKEN: {
    status: 409,
    zh: '该项目已登记了首次接洽的来源活动（一个项目只能有一个来源活动）',
    en: 'This project already has a source activity (a project has at most one)',
  },
  PROJECT_SIGNING_TAKEN: {
    status: 409,
    zh: '该项目已登记为在另一场活动上签约',
    en: 'This project is already recorded as signed at another activity',
  },
  PROJECT_NOT_SIGNED: {
    status: 400,
    zh: '项目尚未签约：请先在招商项目库中将其推进到签约阶段',
    en: 'The project is not signed yet: move it to the signed stage in the pipeline first',
  },
  IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有错误，未导入任何数据，请按错误报告修改后重试',
    en: 'The file has errors; nothing was imported. Fix the rows in the report and try again',
  },
  IMPORT_PARTIAL: {
    status: 409,
    zh: '导入未全部完成：已写入的行已保存（见已写入行数与逐行报告），其余行未写入。处理后重新导入同一文件即可补齐，已导入的行会被识别并跳过',
    en: 'The import stopped part way: the rows written so far are saved (see rows written and the report), the others are not. Send the same file again to complete it: rows already imported are recognised and skipped',
  },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'No such import' },
  FILE_INVALID: { status: 400, zh: '文件格式不正确或已损坏', en: 'The file is not valid or is damaged' },
  FILE_XLS: {
    status: 400,
    zh: '这是旧版 Excel（.xls）文件，无法直接导入：请在 Excel 或 WPS 中打开，选择“文件 → 另存为 → Excel 工作簿（*.xlsx）”后再导入',
    en: 'This is an old Excel (.xls) file: open it in Excel or WPS, choose File → Save As → Excel Workbook (*.xlsx), then import that file',
  },
  FILE_TOO_LARGE: { status: 413, zh: '文件过大', en: 'The file is too large' },
  APPEAL_NOT_FOUND: { status: 404, zh: '诉求不存在', en: 'No such appeal' },
  APPEAL_ACTION_INVALID: {
    status: 409,
    zh: '诉求当前状态下不能执行此操作，或该操作不由您办理',
    en: 'This step is not possible in the appeal’s current state, or is not yours to take',
  },
  APPEAL_RETURN_USED: {
    status: 409,
    zh: '本单位已退回过该诉求一次，不能再次退回',
    en: 'Your department has already returned this appeal once',
  },
  APPEAL_NO_QUESTION: {
    status: 409,
    zh: '承办单位没有待答复的询问',
    en: 'There is no open question from the department',
  },
  APPEAL_NOT_ASSIGNED_TO_YOU: {
    status: 403,
    zh: '该诉求未交办给本单位',
    en: 'This appeal is not assigned to your department',
  },
  APPEAL_CATEGORY_UNKNOWN: { status: 400, zh: '诉求类别不存在', en: 'Unknown appeal category' },
  APPEAL_ENTERPRISE_INVALID: {
    status: 400,
    zh: '请选择您管辖范围内的企业',
    en: 'Choose an enterprise within your area',
  },
  APPEAL_OFFICE_INVALID: {
    status: 400,
    zh: '受理单位须为企业所在城市内的县（市、区）、开发区或市本级',
    en: 'The accepting office must be the city, a county or a zone of the enterprise’s city',
  },
  APPEAL_CHANNEL_INVALID: {
    status: 400,
    zh: '企业只能通过网上诉求或项目直通车提交诉求',
    en: 'Enterprises file through the portal or the project express line',
  },
  APPEAL_DEPARTMENT_INVALID: {
    status: 400,
    zh: '只能交办给本级或上级的职能部门（不在您的管辖范围内）',
    en: 'Assign to a functional department of your area or above it',
  },
  APPEAL_MERGE_INVALID: {
    status: 400,
    zh: '只能合并到同一企业的另一件未办结诉求',
    en: 'Merge only into another open appeal of the same enterprise',
  },
  HOLIDAY_SCHEDULE_INVALID: {
    status: 400,
    zh: '节假日安排有误：日期须为该年的真实日期、不得重复，调休上班日须为周六或周日',
    en: 'The holiday schedule is malformed: real days of that year, no repeats, adjusted working days on weekends only',
  },
  SLA_RULE_NOT_FOUND: { status: 404, zh: '时限规则不存在', en: 'No such deadline rule' },
  MEETING_NOT_FOUND: { status: 404, zh: '政企活动记录不存在', en: 'No such meeting' },
  CAMPAIGN_NOT_FOUND: { status: 404, zh: '整改行动不存在', en: 'No such rectification campaign' },
  CAMPAIGN_PERIOD_INVALID: {
    status: 400,
    zh: '整改期限不合法：截止日期不能早于开始日期',
    en: 'The campaign deadline cannot be before its start',
  },
  CAMPAIGN_SCOPE_INVALID: {
    status: 400,
    zh: '整改范围须为您管辖范围内的地区或开发区',
    en: 'The campaign scope must be regions or zones within your area',
  },
  RECTIFICATION_TASK_NOT_FOUND: { status: 404, zh: '整改任务不存在', en: 'No such rectification task' },
  PROBLEM_INVALID: {
    status: 400,
    zh: '问题类别不属于该整改行动',
    en: 'This problem category does not belong to the campaign',
  },
  DEADLINE_OUTSIDE_CAMPAIGN: {
    status: 400,
    zh: '完成时限须在整改行动期限之内',
    en: 'The deadline must fall within the campaign period',
  },
  TASK_UNIT_INVALID: {
    status: 400,
    zh: '牵头单位、配合单位或开发区不合法（须在整改范围和您的管辖范围内）',
    en: 'A lead unit, cooperating unit or zone is not valid for this campaign or your area',
  },
  TASK_NOT_YOURS: {
    status: 403,
    zh: '本单位不是该任务的牵头单位（或配合单位），不能填报',
    en: 'Your unit is not the lead (or a cooperating) unit of this task',
  },
  PROGRESS_OUT_OF_RANGE: {
    status: 400,
    zh: '进度须在 0% 到 100% 之间',
    en: 'Progress must be between 0% and 100%',
  },
  PROGRESS_BACKWARDS: {
    status: 400,
    zh: '进度低于上次填报，请说明原因',
    en: 'Progress is lower than last reported: give a reason',
  },
  TASK_CLOSED: { status: 409, zh: '该整改任务已销号', en: 'This task is closed' },
  TASK_NOT_VERIFIED: {
    status: 409,
    zh: '未通过核查验收的任务不能销号',
    en: 'A task can be closed only after a passed verification',
  },
  TASK_NOT_CLOSED: { status: 409, zh: '该任务尚未销号', en: 'This task is not closed' },
  VERIFICATION_NOT_READY: {
    status: 409,
    zh: '整改进度未达 100%，不能判定核查通过',
    en: 'Progress is below 100%: the verification cannot pass',
  },
  PROMISE_NOT_OVERDUE: {
    status: 409,
    zh: '该承诺未逾期或已兑现，无需转为整改任务',
    en: 'This promise is not overdue',
  },
  TASK_EXISTS_FOR_SOURCE: {
    status: 409,
    zh: '该记录已转为整改任务',
    en: 'This record has already become a task',
  },
  ARREAR_NOT_FOUND: { status: 404, zh: '清欠台账记录不存在', en: 'No such arrears record' },
  ARREAR_CLEARED: { status: 409, zh: '该笔欠款已清偿完毕', en: 'This debt is already cleared' },
  REPAYMENT_EXCEEDS_BALANCE: {
    status: 400,
    zh: '还款金额超过未清偿余额',
    en: 'The repayment exceeds the outstanding balance',
  },
  REPAYMENT_DATE_INVALID: {
    status: 400,
    zh: '还款日期不能晚于今天',
    en: 'The repayment date cannot be in the future',
  },
  INCENTIVE_NOT_FOUND: { status: 404, zh: '奖励申请不存在', en: 'No such incentive application' },
  INCENTIVE_POLICY_UNKNOWN: { status: 400, zh: '政策不存在或未生效', en: 'No such policy in force' },
  INCENTIVE_ENTERPRISE_INVALID: {
    status: 400,
    zh: '申报企业不存在或不在您的管辖范围内',
    en: 'The enterprise does not exist or is outside your area',
  },
  INCENTIVE_REGION_INVALID: {
    status: 400,
    zh: '受理单位须为企业所在市内的县（市、区）或开发区',
    en: 'The receiving office must be a county or zone in the enterprise’s city',
  },
  INCENTIVE_CATALOGUE_ITEM_UNKNOWN: {
    status: 400,
    zh: '鼓励类产业目录中没有该条目',
    en: 'No such item in the encouraged-industries catalogue',
  },
  INCENTIVE_HQ_FACTS_MISSING: {
    status: 400,
    zh: '地区总部奖励须填写资产规模、注册资金和设立日期',
    en: 'A regional-HQ reward needs the assets, registered capital and date of establishment',
  },
  INCENTIVE_ARRIVALS_MISSING: {
    status: 400,
    zh: '到资奖励须至少填写一笔到账记录',
    en: 'A capital-arrival reward needs at least one arrival',
  },
  INCENTIVE_ARRIVAL_FUTURE: {
    status: 400,
    zh: '到账日期不能晚于今天',
    en: 'An arrival date cannot be in the future',
  },
  INCENTIVE_ARRIVAL_DUPLICATE: {
    status: 400,
    zh: '同一银行回单号在本次申报中重复填写',
    en: 'The same bank receipt number appears twice in this application',
  },
  INCENTIVE_ARRIVAL_CLAIMED: {
    status: 409,
    zh: '该笔到账资金已申报过奖励，不能重复申报',
    en: 'This arrival has already been claimed and cannot be claimed again',
  },
  INCENTIVE_FUND_INVALID: {
    status: 400,
    zh: '关联的到位资金记录不属于该项目，或币种、日期、金额不一致',
    en: 'The linked funds record is not of this project or does not match the arrival',
  },
  INCENTIVE_RATE_MISSING: {
    status: 400,
    zh: '缺少到账日期的美元兑人民币汇率中间价，请联系省级管理员录入后再试',
    en: 'No USD→CNY central parity for an arrival date; ask the provincial administrator to enter it',
  },
  INCENTIVE_NOT_ELIGIBLE: {
    status: 400,
    zh: '不符合政策条件，未提交；请查看测算明细中未满足的条件',
    en: 'Not eligible under the policy; see the unmet conditions in the computation',
  },
  INCENTIVE_STEP_NOT_ALLOWED: {
    status: 409,
    zh: '该申请当前不在您的办理环节',
    en: 'This application is not at your step',
  },
  INCENTIVE_REASON_REQUIRED: {
    status: 400,
    zh: '退回补充材料或不予通过时须说明理由',
    en: 'Give a reason when returning or rejecting',
  },
  INCENTIVE_NOT_PAYABLE: {
    status: 409,
    zh: '该申请未审定通过或已足额兑付',
    en: 'This application is not approved or is fully paid',
  },
  INCENTIVE_PAYMENT_EXCEEDS: {
    status: 400,
    zh: '兑付金额超过审定金额的未付部分',
    en: 'The payment exceeds the unpaid part of the approved amount',
  },
  INCENTIVE_PAYMENT_DATE_INVALID: {
    status: 400,
    zh: '兑付日期不能早于审定日期或晚于今天',
    en: 'The payment date must lie between the approval and today',
  },
  INCENTIVE_VOUCHER_TAKEN: {
    status: 409,
    zh: '该支付凭证号已登记过',
    en: 'This payment voucher has already been recorded',
  },
  INCENTIVE_OBLIGATION_NOT_OVERDUE: {
    status: 409,
    zh: '该奖励未逾期或已兑付，无需转为整改任务',
    en: 'This reward is not overdue for payment',
  },
  RATE_NOT_FOUND: { status: 404, zh: '汇率记录不存在', en: 'No such rate' },
  CATALOGUE_IMPORT_INVALID: {
    status: 400,
    zh: '目录文件无法读取或缺少必需的列（版本、目录部分、条目名称、是否制造业）',
    en: 'The catalogue file cannot be read or lacks required columns (version, part, name, manufacturing)',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal error, try again later' },
  UNAVAILABLE: { status: 503, zh: '服务暂不可用', en: 'Service unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'zh-CN' | 'en-US';

export function errorMessage(code: ErrorCode, locale: Locale): string {
  const e = ERRORS[code];
  return locale === 'en-US' ? e.en : e.zh;
}
