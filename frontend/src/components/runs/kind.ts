// A kind of run as the shared pages see it: its requests (runEndpoints), where its pages are, its words and test
// ids, its rows' columns, and what a row fills. Each feature writes one; the pages take it whole.
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import type { ColumnType, ColumnsType } from "antd/es/table/interface";
import type { ComponentType } from "react";
import type { Page } from "@/lib/api";
import type { MessageKey, Translate } from "@/lib/i18n";
import type { RowShape, RunShape, UnfilledShape } from "./api";

export interface RunKindApi<Run, Row, Item, AddBody> {
  isActive(status: string | undefined): boolean;
  useRuns(query: { page: number; page_size: number }): UseQueryResult<Page<Run>>;
  useRun(id: number | undefined): UseQueryResult<Run>;
  usePublish(id: number): UseMutationResult<Run, Error, void>;
  useRerun(): UseMutationResult<Run, Error, Run>;
  useRows(runId: number, page: number, pageSize: number): UseQueryResult<Page<Row>>;
  usePinRow(runId: number): UseMutationResult<unknown, Error, { id: number; pinned: boolean }>;
  useRemoveRow(runId: number): UseMutationResult<unknown, Error, number>;
  useUnfilled(runId: number): UseQueryResult<Item[]>;
  useAddRow(runId: number): UseMutationResult<unknown, Error, AddBody>;
}

/** The kind's own words (keys of its feature's dictionary); the shared pages say the rest in the shared words. */
export interface RunWords {
  title: MessageKey;
  intro?: MessageKey;
  startTitle: MessageKey;
  runsEmpty: MessageKey;
  publishConfirm: MessageKey;
  publishedOk: MessageKey;
  readOnly: MessageKey;
  rowsEmpty: MessageKey;
  unfilledEmpty: MessageKey;
  addTitle: MessageKey;
  targetRequired: MessageKey;
}

export interface RunKind<Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody> {
  api: RunKindApi<Run, Row, Item, AddBody>;
  /** Where a run's page is. */
  path: (id: number) => string;
  words: RunWords;
  /** What the end-to-end scenarios find the parts by. */
  testIds: { published: string; unfilled: string; rows?: string; add?: string };
  /** The runs list's columns that differ: the period planned (a week, a year), and what was filled. */
  period: (t: Translate) => ColumnType<Run>;
  filled: (t: Translate) => ColumnType<Run>;
  /** The rows' columns before the volunteer's, and the question before removing a row. */
  columns: (t: Translate) => ColumnsType<Row>;
  removeConfirm: (t: Translate, row: Row) => string;
  /** What a row fills (a shift, a post): the add form's field, named as the server names it and as the shared word. */
  target: {
    name: MessageKey;
    useOptions: (run: Run) => { loading: boolean; options: { value: number; label: string }[] };
    of: (item: Item) => number;
    body: (target: number, volunteer: number) => AddBody;
  };
  /** Say a refusal of an added row above the buttons even when it also lands on a field. */
  sayRefusal?: boolean;
  /** One unfilled item, how many a page (all when absent), and what follows the list. */
  Unfilled: ComponentType<{ item: Item }>;
  unfilledPageSize?: number;
  UnfilledFooter?: ComponentType<{ run: Run }>;
}

/** A kind, its types read from what it is given. */
export const runKind = <Run extends RunShape, Row extends RowShape, Item extends UnfilledShape, AddBody>(
  kind: RunKind<Run, Row, Item, AddBody>,
) => kind;
