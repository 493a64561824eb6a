export { beijingToday } from '../../kit';
