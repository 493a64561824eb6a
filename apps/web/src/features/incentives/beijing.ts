export { beijingToday } from '../../app/beijing';
