/** zh-CN texts of the home feature (merged into the app's table; en-US carries the same keys). */
export const homeZhCN = {
  'home.welcome': '您好，{name}',
  'home.account': '当前账号',
  'home.username': '用户名',
  'home.unit': '所属单位',
  'home.roles': '角色',
  'home.cardsTitle': '您可以办理的工作',
  'home.noModules': '您的账号暂未分配可用的功能。请联系本单位管理员为您分配角色。',
} as const;
