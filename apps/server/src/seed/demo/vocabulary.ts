/**
 * Word lists of the project generator (apps/server/src/seed/demo/generate-projects.ts): what Shanxi's investment pipeline is made
 * of. Weights are shares, not facts: the city weights follow the order of the cities' GDP, the
 * industry weights the province's emphasis (coal-to-materials, equipment, new energy, 文旅).
 * No digits anywhere: generate-projects.ts puts capacities into names through the `0` placeholder of a
 * capacity template and relies on that being the only digit of a name.
 */

/** City (GB/T 2260 code) → share of projects. */
export const CITY_WEIGHTS: Record<string, number> = {
  '140100': 22, // 太原
  '140200': 8, // 大同
  '140300': 4, // 阳泉
  '140400': 11, // 长治
  '140500': 8, // 晋城
  '140600': 6, // 朔州
  '140700': 9, // 晋中
  '140800': 9, // 运城
  '140900': 6, // 忻州
  '141000': 9, // 临汾
  '141100': 8, // 吕梁
};

/** Inside a city: a national zone draws more projects than a provincial one, a district more than a county. */
export const UNIT_WEIGHTS = { nationalZone: 4, provincialZone: 2.5, district: 1.6, county: 1 };

/**
 * GB/T 4754 大类 → [share, product phrases]. A phrase may carry a capacity template with one `0`
 * where the figure goes ("年产0万吨" → "年产30万吨").
 */
export const DIVISIONS: Record<string, [number, [string, string | null][]]> = {
  // 制造业 (C, 13–43): three quarters of the pipeline
  '13': [
    3,
    [
      ['小杂粮精深加工', '年产0万吨'],
      ['肉制品加工', '年产0万吨'],
      ['饲料生产线', '年产0万吨'],
      ['马铃薯全粉', '年产0万吨'],
    ],
  ],
  '14': [
    2,
    [
      ['老陈醋酿造', '年产0万吨'],
      ['功能性食品', '年产0万吨'],
      ['沙棘饮品', '年产0万吨'],
      ['速冻食品', null],
    ],
  ],
  '15': [
    2,
    [
      ['清香型白酒酿造', '年产0千升'],
      ['白酒基酒储存', '年产0吨'],
      ['果蔬饮料', '年产0万吨'],
    ],
  ],
  '17': [
    1,
    [
      ['高端纺织面料', '年产0万米'],
      ['功能性纤维', '年产0吨'],
    ],
  ],
  '22': [0.5, [['生活用纸', '年产0万吨']]],
  '25': [
    5,
    [
      ['焦化升级改造', '年产0万吨'],
      ['焦炉煤气制液化天然气', '年产0万立方米'],
      ['煤焦油深加工', '年产0万吨'],
      ['针状焦', '年产0万吨'],
    ],
  ],
  '26': [
    6,
    [
      ['煤基新材料', '年产0万吨'],
      ['可降解塑料', '年产0万吨'],
      ['电子级化学品', '年产0吨'],
      ['氢能制备', '年产0吨'],
      ['甲醇下游产业链', null],
    ],
  ],
  '27': [
    4,
    [
      ['原料药', '年产0吨'],
      ['生物医药产业园', null],
      ['中药饮片', '年产0吨'],
      ['医用耗材', '年产0万件'],
    ],
  ],
  '29': [
    2,
    [
      ['汽车塑料部件', '年产0万套'],
      ['高性能橡胶制品', '年产0万件'],
    ],
  ],
  '30': [
    5,
    [
      ['绿色建材', '年产0万平方米'],
      ['光伏玻璃', '年产0万吨'],
      ['碳化硅衬底', '年产0万片'],
      ['特种陶瓷', '年产0吨'],
      ['装配式建筑构件', '年产0万立方米'],
    ],
  ],
  '31': [
    4,
    [
      ['不锈钢精密带钢', '年产0万吨'],
      ['高端特钢', '年产0万吨'],
      ['钢铁超低排放改造', null],
    ],
  ],
  '32': [
    5,
    [
      ['镁合金深加工', '年产0万吨'],
      ['高端铝材', '年产0万吨'],
      ['铜基新材料', '年产0吨'],
      ['稀土永磁材料', '年产0吨'],
    ],
  ],
  '33': [
    4,
    [
      ['精密铸件', '年产0万吨'],
      ['钢结构', '年产0万吨'],
      ['高强度紧固件', '年产0万件'],
    ],
  ],
  '34': [
    5,
    [
      ['高端轴承', '年产0万套'],
      ['液压件', '年产0万件'],
      ['风电齿轮箱', '年产0台'],
      ['智能泵阀', '年产0万台'],
    ],
  ],
  '35': [
    6,
    [
      ['智能矿山装备', '年产0台套'],
      ['煤机装备', '年产0台'],
      ['农机装备', '年产0台'],
      ['医疗器械', '年产0万台'],
      ['半导体装备', '年产0台'],
    ],
  ],
  '36': [
    4,
    [
      ['新能源汽车零部件', '年产0万套'],
      ['新能源重卡', '年产0辆'],
      ['汽车轮毂', '年产0万只'],
      ['动力电池壳体', '年产0万件'],
    ],
  ],
  '37': [
    3,
    [
      ['轨道交通装备', '年产0辆'],
      ['动车组零部件', '年产0万件'],
      ['通用航空器', '年产0架'],
      ['工业无人机', '年产0架'],
    ],
  ],
  '38': [
    8,
    [
      ['光伏组件', '年产0GW'],
      ['高效光伏电池片', '年产0GW'],
      ['锂电池正极材料', '年产0万吨'],
      ['储能电池', '年产0GWh'],
      ['钠离子电池', '年产0GWh'],
      ['氢燃料电池', '年产0套'],
      ['风电装备', '年产0套'],
    ],
  ],
  '39': [
    5,
    [
      ['半导体封装测试', '年产0亿只'],
      ['第三代半导体', '年产0万片'],
      ['显示模组', '年产0万片'],
      ['信创服务器', '年产0万台'],
      ['LED芯片', '年产0万片'],
    ],
  ],
  '40': [1.5, [['智能仪器仪表', '年产0万台']]],
  '42': [
    2,
    [
      ['废旧动力电池回收', '年处理0万吨'],
      ['煤矸石综合利用', '年处理0万吨'],
      ['粉煤灰综合利用', '年处理0万吨'],
    ],
  ],
  // 其他门类: a quarter
  '01': [
    1.2,
    [
      ['有机旱作农业示范园', '0亩'],
      ['设施农业', '0亩'],
    ],
  ],
  '03': [
    0.8,
    [
      ['生猪养殖', '年出栏0万头'],
      ['肉牛养殖', '存栏0头'],
    ],
  ],
  '06': [
    2,
    [
      ['智能化煤矿改造', null],
      ['煤矿绿色开采', '年产0万吨'],
    ],
  ],
  '44': [
    5,
    [
      ['风电场', '0万千瓦'],
      ['光伏电站', '0万千瓦'],
      ['源网荷储一体化', null],
      ['抽水蓄能电站', '0万千瓦'],
      ['清洁供热', null],
    ],
  ],
  '45': [
    1,
    [
      ['煤层气开发利用', '年产0亿立方米'],
      ['液化天然气储配站', null],
      ['加氢站', null],
    ],
  ],
  '52': [0.5, [['商业综合体', null]]],
  '59': [
    2,
    [
      ['智慧物流园', null],
      ['冷链物流中心', null],
      ['陆港物流枢纽', null],
    ],
  ],
  '61': [0.5, [['精品酒店', null]]],
  '64': [
    1.5,
    [
      ['云计算中心', '0机架'],
      ['工业互联网平台', null],
      ['数字经济产业园', null],
    ],
  ],
  '65': [
    1.5,
    [
      ['软件开发基地', null],
      ['大数据中心', '0机架'],
      ['算力中心', '0P'],
    ],
  ],
  '72': [
    1.5,
    [
      ['总部经济园', null],
      ['人力资源服务产业园', null],
    ],
  ],
  '73': [
    1,
    [
      ['研发中心', null],
      ['中试基地', null],
    ],
  ],
  '75': [
    1.5,
    [
      ['科技孵化器', null],
      ['技术转移中心', null],
    ],
  ],
  '78': [
    1.5,
    [
      ['文旅康养综合体', null],
      ['景区提升改造', null],
    ],
  ],
  '85': [0.5, [['养老服务中心', '0张床位']]],
  '88': [0.5, [['非遗文化产业园', null]]],
  '89': [0.5, [['体育公园', null]]],
};

/** Capacities that go into the `0` of a template. */
export const CAPACITIES = [1, 2, 3, 5, 6, 8, 10, 12, 15, 20, 30, 50, 60, 80, 100, 120, 150, 200, 300, 500];

/** Name endings by project type. */
export const SUFFIXES = {
  new: ['项目', '项目', '建设项目', '产业园项目', '基地项目'],
  expansion: ['扩建项目', '二期项目', '技改项目'],
  relocation: ['搬迁改造项目', '退城入园项目'],
} as const;

/** Two characters each from these make the brands ("恒瑞", "晋通"). */
export const BRAND_FIRST = [...'恒华国中金鑫泰瑞盛宏永天东晋汇信正德安新博嘉益锦凯通隆兴远海'];
export const BRAND_SECOND = [...'瑞信泰达源晟华通能昌丰利成胜邦联创辉峰宇宸阳和润途诚科威业航'];
export const BRANDS_EN = [
  'Sunrise',
  'Evergreen',
  'Pacific',
  'Northstar',
  'Bluewave',
  'Summit',
  'Orion',
  'Harbor',
];

/** What an investor does, for its name. */
export const INVESTOR_TRADES = [
  '新材料科技',
  '能源',
  '装备制造',
  '化工',
  '电子科技',
  '生物医药',
  '汽车零部件',
  '物流',
  '食品',
  '环保科技',
  '光伏科技',
  '新能源科技',
  '数字科技',
  '建材',
  '冶金',
  '矿业',
  '农业开发',
  '文化旅游',
  '投资',
];
export const ORG_FORMS: [string, number][] = [
  ['有限公司', 60],
  ['股份有限公司', 20],
  ['集团有限公司', 15],
  ['有限责任公司', 5],
];

/** Origin groups of investors and their provinces (GB/T 2260). */
export const ORIGIN_MIX: { group: string; share: number; provinces: string[] }[] = [
  { group: 'local', share: 38, provinces: ['14'] },
  { group: 'jjj', share: 14, provinces: ['11', '12', '13'] },
  { group: 'yrd', share: 16, provinces: ['31', '32', '33', '34'] },
  { group: 'gba', share: 8, provinces: ['44'] },
  { group: 'east_other', share: 7, provinces: ['21', '35', '37'] },
  {
    group: 'central_west',
    share: 11,
    provinces: ['41', '42', '43', '50', '51', '61', '62', '64', '15', '36', '45', '52', '53', '22', '23'],
  },
  { group: 'abroad', share: 6, provinces: [] },
];
/** Short place names for investor names. */
export const PROVINCE_SHORT: Record<string, string> = {
  '11': '北京',
  '12': '天津',
  '13': '河北',
  '14': '山西',
  '15': '内蒙古',
  '21': '辽宁',
  '22': '吉林',
  '23': '黑龙江',
  '31': '上海',
  '32': '江苏',
  '33': '浙江',
  '34': '安徽',
  '35': '福建',
  '36': '江西',
  '37': '山东',
  '41': '河南',
  '42': '湖北',
  '43': '湖南',
  '44': '广东',
  '45': '广西',
  '50': '重庆',
  '51': '四川',
  '52': '贵州',
  '53': '云南',
  '61': '陕西',
  '62': '甘肃',
  '64': '宁夏',
};
/** Investors registered abroad: ISO country, its name, the company form, share. */
export const COUNTRIES: { code: string; zh: string; form: string; en: string; share: number }[] = [
  { code: 'HK', zh: '香港', form: '控股有限公司', en: 'Holdings Limited', share: 30 },
  { code: 'SG', zh: '新加坡', form: '私人有限公司', en: 'Pte. Ltd.', share: 15 },
  { code: 'JP', zh: '日本', form: '株式会社', en: 'Co., Ltd.', share: 12 },
  { code: 'KR', zh: '韩国', form: '株式会社', en: 'Co., Ltd.', share: 10 },
  { code: 'DE', zh: '德国', form: '有限公司', en: 'GmbH', share: 10 },
  { code: 'US', zh: '美国', form: '公司', en: 'Inc.', share: 8 },
  { code: 'TW', zh: '台湾', form: '股份有限公司', en: 'Corporation', share: 8 },
  { code: 'GB', zh: '英国', form: '有限公司', en: 'Limited', share: 4 },
  { code: 'AU', zh: '澳大利亚', form: '有限公司', en: 'Pty Ltd', share: 3 },
];

export const SURNAMES = [
  ...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎',
];
export const GIVEN = [
  '建国',
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '文',
  '志强',
  '海燕',
  '晓东',
  '红梅',
  '建华',
  '国庆',
  '振华',
  '晋生',
  '鹏飞',
];

export const TAGS = ['省级重点工程', '市级重点项目', '专精特新', '链主企业', '转型标杆', '招商引资签约'];
export const TASK_FORCE_DUTIES = ['包联领导', '项目专员', '要素保障', '审批帮办'];

/** Factor kinds (contracts FACTOR_KINDS) → share, responsible department key, quantity unit, wording. */
export const FACTOR_MIX: { kind: string; share: number; dept: string; unit: string | null; text: string }[] =
  [
    { kind: 'land', share: 30, dept: 'natural-resources', unit: '亩', text: '新增建设用地指标' },
    { kind: 'power', share: 15, dept: 'development', unit: '千伏安', text: '双回路供电接入' },
    { kind: 'water', share: 8, dept: 'water', unit: '吨/日', text: '工业用水指标' },
    { kind: 'gas', share: 6, dept: 'development', unit: '万立方米/年', text: '天然气管网接入' },
    { kind: 'energy', share: 10, dept: 'development', unit: '吨标准煤', text: '能耗指标' },
    { kind: 'environment', share: 12, dept: 'ecology', unit: null, text: '环评审批及排污总量' },
    { kind: 'relocation', share: 5, dept: 'housing', unit: '户', text: '地上附着物拆迁' },
    { kind: 'talent', share: 6, dept: 'human-resources', unit: '人', text: '技术工人招聘' },
    { kind: 'other', share: 8, dept: 'approval', unit: null, text: '施工许可并联审批' },
  ];

export const PROMISES: { text: string; dept: string }[] = [
  { text: '协调落实项目用地指标', dept: 'natural-resources' },
  { text: '兑现固定资产投资补助', dept: 'finance' },
  { text: '三年厂房租金减免', dept: 'investment' },
  { text: '协调电力增容接入', dept: 'development' },
  { text: '落实人才公寓及子女入学', dept: 'human-resources' },
  { text: '环评审批绿色通道', dept: 'ecology' },
  { text: '配套建设道路及管网', dept: 'housing' },
  { text: '研发投入奖补', dept: 'industry' },
];

export const TERMINATION_REASONS = [
  '企业投资方向调整',
  '资金链紧张，投资方撤回',
  '用地规划无法调整',
  '环评未获批准',
  '项目转移至省外',
  '市场行情变化，暂缓投资',
];
export const PAUSE_REASONS = ['企业资金调整', '等待规划调整', '手续办理中', '季节性停工'];
export const FUND_SOURCES = ['企业自筹', '银行贷款', '股东增资', '产业基金'];

// ---------------------------------------------------------------- records (generate-records.ts)

/** Where leaders go to court investors: [province short name, city] (outbound trips, conferences). */
export const TRIP_CITIES: [string, string][] = [
  ['广东', '深圳'],
  ['广东', '广州'],
  ['广东', '东莞'],
  ['江苏', '苏州'],
  ['江苏', '南京'],
  ['江苏', '无锡'],
  ['浙江', '杭州'],
  ['浙江', '宁波'],
  ['上海', '上海'],
  ['北京', '北京'],
  ['天津', '天津'],
  ['山东', '青岛'],
  ['福建', '厦门'],
  ['河北', '石家庄'],
  ['香港', '香港'],
];
/** Trips abroad: [country, city]. */
export const TRIP_ABROAD: [string, string][] = [
  ['德国', '法兰克福'],
  ['日本', '东京'],
  ['韩国', '首尔'],
  ['新加坡', '新加坡'],
  ['阿联酋', '迪拜'],
  ['法国', '巴黎'],
];
/** Themes of promotion conferences and online meetings. */
export const ACTIVITY_THEMES = [
  '新能源',
  '新材料',
  '高端装备制造',
  '现代煤化工',
  '特色农产品加工',
  '文化旅游',
  '数字经济',
  '现代物流',
  '生物医药',
  '氢能',
];
export const ACTIVITY_VENUES = [
  '国际会展中心',
  '市民中心会议厅',
  '开发区管委会',
  '招商服务中心',
  '宾馆会议中心',
];
export const ACTIVITY_SUMMARIES = [
  '双方就产业合作、项目落地和要素保障深入交流，达成初步合作意向。',
  '推介了区域产业基础和营商环境，对接重点企业，建立项目跟踪台账。',
  '集中签约一批重点项目，明确专人包联，推动项目早落地、早开工。',
  '考察了生产基地和研发中心，邀请企业来晋实地考察。',
];

/** Officials' posts by the kind of unit: [post, main leader]. */
export const OFFICIAL_POSTS: Record<string, [string, boolean][]> = {
  province: [
    ['省委书记', true],
    ['省长', true],
    ['副省长', false],
  ],
  city: [
    ['市委书记', true],
    ['市长', true],
    ['副市长', false],
    ['副市长', false],
  ],
  county: [
    ['县委书记', true],
    ['县长', true],
    ['副县长', false],
  ],
  district: [
    ['区委书记', true],
    ['区长', true],
    ['副区长', false],
  ],
  zone: [
    ['党工委书记', true],
    ['管委会主任', true],
    ['管委会副主任', false],
  ],
};

/** Appeal categories (migration 0006) → [share, department key that answers, typical matters]. */
export const APPEAL_TOPICS: Record<string, [number, string, string[]]> = {
  land: [10, 'natural-resources', ['项目用地指标迟迟未落实', '土地证办理进度缓慢', '征地拆迁补偿未到位']],
  water: [4, 'water', ['生产用水管网未接入', '取水许可审批周期长']],
  power: [8, 'development', ['厂区双回路供电未落实', '电力增容申请久拖未办', '电价优惠政策未兑现']],
  gas: [3, 'housing', ['天然气管道接驳费用过高', '工业用气指标不足']],
  approval: [
    18,
    'approval',
    ['施工许可办理材料反复补正', '环评审批进度慢', '消防验收时间过长', '跨部门审批互为前置'],
  ],
  finance: [12, 'finance', ['企业贷款续贷难', '担保费率偏高', '技改贴息资金未拨付']],
  labour: [8, 'human-resources', ['技术工人招聘难', '人才公寓申请无回音', '社保补贴未到账']],
  policy: [14, 'commerce', ['招商引资奖励未兑现', '承诺的税费优惠未落实', '惠企政策申报渠道不清']],
  arrears: [8, 'finance', ['政府工程款拖欠', '国有企业拖欠货款', '质保金到期未退还']],
  inspection: [5, 'market-regulation', ['同一事项多头检查', '检查频次过高影响生产', '处罚标准不一']],
  other: [10, 'commerce', ['园区道路照明不足', '企业周边交通拥堵', '通勤班车线路不足']],
};
export const APPEAL_ANSWERS = [
  '经协调，已明确办理时限并安排专人跟进，相关手续已办结。',
  '已会同相关部门现场办公，问题已解决，企业表示认可。',
  '已纳入专项协调事项，分阶段推进，近期完成首批事项。',
  '政策依据已书面答复企业，并指导企业补充申报材料。',
];
export const APPEAL_REJECT_REASONS = [
  '不属于本单位受理范围',
  '诉求内容不明确且联系不上企业',
  '属司法程序处理事项',
];
export const MEETING_SERIES_TITLES: Record<string, string> = {
  breakfast: '政企早餐会',
  tea: '政企茶叙会',
  salon: '企业家沙龙',
};

/** Rectification campaigns added before the seed's demo campaign: [title, issuing body, start MM-DD]. */
export const PAST_CAMPAIGNS: [string, string, string][] = [
  ['开发区营商环境突出问题专项整治行动', '山西省', '03-01'],
  ['优化营商环境攻坚行动', '山西省', '02-15'],
  ['招商引资承诺兑现专项整治', '山西省', '04-01'],
];
/** Issues and measures per problem of the nine (same order as campaign.ts NINE_PROBLEMS). */
export const RECTIFICATION_ISSUES: [string, string][][] = [
  [
    ['招商时承诺的厂房代建未按期交付', '明确代建主体和交付节点，按月通报进度'],
    ['承诺的配套道路建设滞后', '列入年度基础设施计划，倒排工期'],
  ],
  [
    ['惠企政策兑现周期过长', '梳理兑现流程，压缩审核时限，推行免申即享'],
    ['政策宣传覆盖不全，企业知晓率低', '建立政策直达清单，逐户上门宣讲'],
  ],
  [
    ['国有企业拖欠中小企业工程款', '建立清欠台账，制定还款计划，按季销号'],
    ['质保金到期未及时返还', '逐笔核对质保金，限期返还'],
  ],
  [
    ['开发区人事薪酬制度改革落实不到位', '完善全员岗位聘任和绩效考核办法'],
    ['市场化运营机制未建立', '组建运营公司，明确管委会与公司权责'],
  ],
  [
    ['下放事项承接能力不足', '开展业务培训，配齐审批人员'],
    ['赋权事项办理仍需回到市级部门', '清理赋权清单，实现区内闭环办理'],
  ],
  [
    ['承诺制、标准地、区域评估推进缓慢', '完成区域评估成果应用，扩大标准地供应'],
    ['拿地即开工落实率低', '推行联合审图和容缺受理'],
  ],
  [
    ['用地、用能指标保障不足', '统筹调剂指标，优先保障重点项目'],
    ['园区水电气暖配套不完善', '制定配套设施建设计划，限期完成'],
  ],
  [
    ['包联服务流于形式', '建立包联台账，实行问题清单化闭环管理'],
    ['企业诉求回应不及时', '落实首问负责和限时办结制度'],
  ],
  [
    ['招商考核重签约轻落地', '调整考核指标，突出到位资金和开工投产'],
    ['专业化招商队伍不健全', '组建产业链招商专班，引进专业人才'],
  ],
];
export const RECTIFICATION_MILESTONES = ['制定整改方案', '完成阶段整改', '组织自查验收'];
export const RECTIFICATION_REPORTS = [
  '已制定整改方案，明确责任人和时间表。',
  '按计划推进，阶段性任务已完成。',
  '主体工作已完成，正在准备验收材料。',
];
