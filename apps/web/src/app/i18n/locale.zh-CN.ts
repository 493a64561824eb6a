import antd from 'antd/es/locale/zh_CN';
import 'dayjs/locale/zh-cn';
import type { LocalePack } from './messages';
import { zhCN } from './zh-CN';

/** Chinese: loaded on its own (messages.ts loadLocale), with antd's and dayjs's zh-CN locale. */
export const pack: LocalePack = { messages: zhCN, antd };
