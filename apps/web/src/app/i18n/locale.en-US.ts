import antd from 'antd/es/locale/en_US';
import { enUS } from './en-US';
import type { LocalePack } from './messages';

/** English: loaded on its own (messages.ts loadLocale); dayjs's English is built in. */
export const pack: LocalePack = { messages: enUS, antd };
