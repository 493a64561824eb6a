import { activitiesZhCN } from '../../features/activities/i18n.zh-CN';
import { appealsZhCN } from '../../features/appeals/i18n.zh-CN';
import { auditZhCN } from '../../features/audit/i18n.zh-CN';
import { authZhCN } from '../../features/auth/i18n.zh-CN';
import { dashboardZhCN } from '../../features/dashboard/i18n.zh-CN';
import { homeZhCN } from '../../features/home/i18n.zh-CN';
import { incentivesZhCN } from '../../features/incentives/i18n.zh-CN';
import { notificationsZhCN } from '../../features/notifications/i18n.zh-CN';
import { orgsZhCN } from '../../features/orgs/i18n.zh-CN';
import { projectsZhCN } from '../../features/projects/i18n.zh-CN';
import { rectificationZhCN } from '../../features/rectification/i18n.zh-CN';
import { usersZhCN } from '../../features/users/i18n.zh-CN';
import { kitZhCN } from '../../kit/i18n.zh-CN';

/**
 * The zh-CN message table: the shell's own texts, then every feature's table (each feature owns its
 * i18n.zh-CN.ts / i18n.en-US.ts). en-US.ts must carry exactly the same keys (checked by
 * messages.test.ts and by the type system). Placeholders are written {name} and filled by t(key, { name }).
 */
export const zhCN = {
  'app.name': '营商通',
  'app.tagline': '招商引资与营商环境一体化工作平台',
  'app.intro':
    '营商通把招商项目、招商活动、惠企政策兑现、企业诉求和营商环境整改放在一个平台上办理，取代分散的 Excel 台账、微信群和纸质表单。',
  'app.intro2': '省、市、县（区）、开发区和职能部门按各自的管辖范围协同工作，每一次变更都留有记录可查。',
  'lang.label': '界面语言',
  'lang.zh-CN': '中文',
  'lang.en-US': 'English',
  'lang.short.zh-CN': '中文',
  'lang.short.en-US': 'EN',
  'nav.menu': '导航菜单',
  'nav.openMenu': '打开菜单',
  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.edit': '编辑',
  'common.search': '搜索',
  'common.reset': '重置',
  'common.refresh': '刷新',
  'common.actions': '操作',
  'common.all': '全部',
  'common.total': '共 {total} 条',
  'common.copy': '复制',
  'common.copied': '已复制到剪贴板',
  'common.copyFailed': '无法自动复制，请手动选中后复制',
  'common.backHome': '返回首页',
  'common.retry': '重试',
  'common.saved': '已保存',
  'common.loading': '正在加载…',
  'common.required': '请填写{field}',
  'common.selectRequired': '请选择{field}',
  'common.open': '进入',
  'common.yes': '是',
  'common.no': '否',
  'error.network': '无法连接服务器，请检查网络后重试',
  'error.unknown': '操作未成功，请稍后再试',
  'error.loadFailed': '数据加载失败：{message}',
  'error.notFound.title': '页面不存在',
  'error.notFound.desc': '您访问的地址不存在，请从左侧菜单进入需要的功能。',
  'error.forbidden.title': '无权访问',
  'error.forbidden.desc': '您的角色没有此页面的权限。如需开通，请联系本单位的系统管理员。',
  'error.crash.title': '页面出错了',
  'error.crash.desc': '页面遇到意外错误。请刷新页面；如果问题持续，请把出错时间告诉管理员。',
  'nav.home': '首页',
  'nav.business': '业务工作',
  'nav.system': '系统管理',
  'nav.orgs': '单位管理',
  'nav.users': '用户管理',
  'nav.audit': '审计日志',
  'nav.notifications': '通知中心',
  'nav.changePassword': '修改密码',
  'nav.collapse': '收起菜单',
  'nav.expand': '展开菜单',
  'module.dashboard.name': '驾驶舱',
  'module.dashboard.desc':
    '按任意时段和地区汇总招商与营商环境指标，提供同比对比、县区和开发区排名、图表与地图，自动生成简报段落并导出 Excel。',
  'module.projects.name': '招商项目库',
  'module.projects.desc':
    '跟踪项目从线索、在谈、签约、开工到投产的全过程，记录投资方、投资额、要素保障需求、到位资金和招商承诺，计算履约率、开工率和投产率。',
  'module.activities.name': '招商活动',
  'module.activities.desc':
    '登记外出招商、推介会、签约仪式和商会活动：谁带队、见了谁、签了哪些项目、金额多少。',
  'module.incentives.name': '惠企政策兑现',
  'module.incentives.desc':
    '把惠企政策写成可计算的规则，企业在线申报，开发区、市、省逐级审核，每笔奖励附带计算依据，杜绝重复申报。',
  'module.appeals.name': '企业诉求',
  'module.appeals.desc':
    '汇集“办不成事”窗口、投诉热线、网上平台、政企座谈和项目直通车的企业诉求，受理、分派、答复、评价，按工作日计算时限，逾期督办。',
  'module.rectification.name': '整改台账',
  'module.rectification.desc':
    '营商环境问题整改任务的牵头与配合单位、措施、时限和进展报告，经自查和实地核验后销号，逾期预警，含清欠专项台账。',
  'admin.orgs.desc': '维护省、市、县（区）、开发区、职能部门和企业组成的单位树。',
  'admin.users.desc': '为本辖区的单位开设账号、分配角色、重置密码、停用或启用账号。',
  'admin.audit.desc': '查询谁在什么时间修改了什么，逐项对比修改前后的内容。',
  'admin.notifications.desc': '查看分派给您的任务和期限提醒。',
  'role.province_admin': '省级管理员',
  'role.city_bureau': '市投资促进局',
  'role.county_staff': '县区/开发区工作人员',
  'role.dept_handler': '职能部门经办人',
  'role.leader': '领导',
  'role.inspector': '督查人员',
  'role.enterprise': '企业用户',
  'header.notifications': '通知',
  'header.userMenu': '账号菜单',
  'common.remove': '删除',
  'common.close': '关闭',
  ...kitZhCN,
  ...appealsZhCN,
  ...dashboardZhCN,
  ...rectificationZhCN,
  ...incentivesZhCN,
  ...authZhCN,
  ...orgsZhCN,
  ...homeZhCN,
  ...notificationsZhCN,
  ...usersZhCN,
  ...auditZhCN,
  ...activitiesZhCN,
  ...projectsZhCN,
} as const;

export type MessageKey = keyof typeof zhCN;
