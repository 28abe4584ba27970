export type { BatchLinkInput, BatchRow, ValidatedRow } from "./batch-row";
export type { BatchColumn } from "./column-names";
export { BATCH_COLUMNS, columnName } from "./column-names";
export { rowsFromTable } from "./rows-from-table";
