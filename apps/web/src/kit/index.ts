/**
 * The web kit: what every list, form and detail page is built from, and what two features share.
 * Features import from here (`../../kit`), never from another feature's folder. See README.md.
 */
export { ApiError, api, type FieldError, type Page } from '../app/api/client';
export { type RequestState, useRequest } from '../app/api/use-request';
export { AuditDiff } from './AuditDiff';
export {
  type AuditQuery,
  appealOfficesApi,
  auditApi,
  campaignLookupApi,
  investorApi,
  type NewInvestor,
  orgApi,
  projectLookupApi,
  userLookupApi,
} from './api';
export { changedKeys, jsonLines } from './audit-diff';
export { beijingToday, DAY } from './beijing';
export { ChangeText } from './ChangeText';
export { type ChildField, ChildRecordsTab, type ChildRecordsTabProps } from './ChildRecordsTab';
export { ColumnSettings } from './ColumnSettings';
export { DayRangeFilter } from './DayRangeFilter';
export { type Crumb, type DetailAction, DetailHeader } from './DetailHeader';
export { saveBlob } from './download';
export { EnumFilter } from './EnumFilter';
export { ExportButton, type ExportFile } from './ExportButton';
export { FilesPanel } from './FilesPanel';
export { FilterBar } from './FilterBar';
export { FormAlert } from './FormAlert';
export { FormPageShell } from './FormPageShell';
export type { FormAlertState } from './form-alert';
export {
  applyFieldErrors,
  applyFormErrors,
  changedPaths,
  type FormErrorOptions,
  fieldErrorsOf,
  fieldOfPath,
  type NamePath,
} from './form-errors';
export { requiredRules } from './form-rules';
export * from './format';
export { Kpi, type KpiProps } from './Kpi';
export { KpiGrid, type KpiSpec } from './KpiGrid';
export { LedgerImportDialog, type LedgerImportDialogProps } from './LedgerImportDialog';
export { type ListColumn, ListPage, type ListPageProps, type SortOrder } from './ListPage';
export { OccurredOnPicker, useOccurredRange } from './OccurredOnPicker';
export { InvestorFormModal } from './pickers/InvestorFormModal';
export { InvestorSelect } from './pickers/InvestorSelect';
export { MoneyInput } from './pickers/MoneyInput';
export { OrgKindTag } from './pickers/OrgKindTag';
export { OrgPicker, type PickedOrg } from './pickers/OrgPicker';
export * from './pickers/org-tree';
export { type PickedProject, ProjectPicker } from './pickers/ProjectPicker';
export { ProjectFlags, StageTag } from './pickers/StageTag';
export { STATUS_COLORS } from './pickers/stage-colors';
export { UserSelect } from './pickers/UserSelect';
export { useRegionTree } from './pickers/use-region-tree';
export { errorKind, LoadError, Loading, RecordLoadFailed } from './RecordStates';
export { RegionFilter } from './RegionFilter';
export { SearchFilter } from './SearchFilter';
export { type SectionLink, SectionNav } from './SectionNav';
export { type ApiFormOptions, type ApiFormState, useApiForm, VERSION_CONFLICT } from './use-api-form';
export { columnsStorageKey, useHiddenColumns } from './use-hidden-columns';
export { useKeyboardScrollRegions } from './use-keyboard-scroll';
export { useRemoteSearch } from './use-remote-search';
export {
  type DayRange,
  type FilterDef,
  type FilterSpec,
  type FilterValues,
  filter,
  isDay,
  isFiltered,
  isOneOf,
  listPageBinding,
  parseFilters,
  resetFilters,
  useUrlFilters,
  writeFilters,
} from './use-url-filters';
