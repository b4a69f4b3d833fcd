// The requests of a background run's pages, written once for every kind of run (matching, 定岗): list, one run
// (polled while it works), start, re-run, cancel, publish; the rows under review (add, pin, remove) and what the run
// could not fill. A kind names its endpoints (`base`, the rows' segment) and each type comes from the schema there.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from "@tanstack/react-query";
import type { paths } from "@/api/schema";
import { allPages, unwrap, type Page } from "@/lib/api";

// ---------------------------------------------------------------- the schema's types at a kind's endpoints

type Operation<Path, Method extends string> = Path extends keyof paths
  ? Method extends keyof paths[Path]
    ? paths[Path][Method]
    : never
  : never;
type Json<Op> = Op extends { responses: { 200: { content: { "application/json": infer Data } } } }
  ? Data
  : Op extends { responses: { 201: { content: { "application/json": infer Data } } } }
    ? Data
    : never;
type Body<Op> = Op extends { requestBody?: { content: { "application/json": infer Data } } } ? Data : never;
type Filters<Op> = Op extends { parameters: { query?: infer Query } } ? Partial<NonNullable<Query>> : never;

type RunPath<B extends string> = `${B}{id}/`;
type RowsPath<B extends string, R extends string> = `${B}{id}/${R}/`;
type RowPath<B extends string, R extends string, K extends string> = `${RowsPath<B, R>}{${K}}/`;

/** What the shared pages read of every kind's run, row and unfilled item; each kind's schema has more. */
export interface RunShape {
  id: number;
  status: string;
  level: string;
  community: number | null;
  community_name: string | null;
  sub_district: number | null;
  sub_district_name: string | null;
  version: number;
  message: string;
  created_at: string;
  published: boolean;
  published_at: string | null;
}
export interface RowShape {
  id: number;
  volunteer_name: string;
  volunteer_number: string;
  pinned: boolean;
  source: string;
  unverified_skills: string[];
}
export interface UnfilledShape {
  id: number;
  missing: number;
}

// Each type is the schema's, and must have the shape the pages read: the kind's call site checks both.
/** A run of the kind whose runs live at `B` (`/api/planning/runs/`). */
export type RunOf<B extends string> = Json<Operation<RunPath<B>, "get">> & RunShape;
/** What starts one. */
export type StartOf<B extends string> = Body<Operation<B, "post">>;
/** A row of its plan under review (an assignment, a proposal), at `B{id}/R/`. */
export type RowOf<B extends string, R extends string> = Json<Operation<RowsPath<B, R>, "post">> & RowShape;
/** What adds a row by hand. */
export type AddRowOf<B extends string, R extends string> = Body<Operation<RowsPath<B, R>, "post">>;
/** What it could not fill (a seat, a post). */
export type UnfilledOf<B extends string> =
  Json<Operation<`${B}{id}/unfilled/`, "get">> extends Page<infer Item> ? Item & UnfilledShape : never;

type Answer<Data> = { data?: Data; error?: unknown; response: Response };
type Send<Path, Init, Data> = (path: Path, init: Init) => Promise<Answer<Data>>;
type ById = { params: { path: { id: number } } };
type PageQuery = { page: number; page_size: number };
type RowParams<K extends string> = { id: number } & Record<K, number>;

/**
 * The schema's client (`apiClient.GET` …) once for each request a run's pages send: a kind passes the methods and
 * the compiler checks each against that kind's endpoint (path, parameters, body, answer). Inside this module the
 * paths are built from `base`, which TypeScript cannot check against the schema; the kind's call site can.
 */
export interface RunSenders<B extends string, R extends string, K extends string> {
  list: Send<B, { params: { query: Filters<Operation<B, "get">> } }, Page<RunOf<B>>>;
  detail: Send<RunPath<B>, ById, RunOf<B>>;
  start: Send<B, { body: StartOf<B> }, RunOf<B>>;
  cancel: Send<`${B}{id}/cancel/`, ById, RunOf<B>>;
  publish: Send<`${B}{id}/publish/`, ById, RunOf<B>>;
  /** A kind that re-runs on the server; the others start again with `restart`. */
  rerun?: Send<`${B}{id}/rerun/`, ById, RunOf<B>>;
  rows: Send<RowsPath<B, R>, { params: { path: { id: number }; query: PageQuery } }, Page<RowOf<B, R>>>;
  addRow: Send<RowsPath<B, R>, ById & { body: AddRowOf<B, R> }, RowOf<B, R>>;
  pinRow: Send<RowPath<B, R, K>, { params: { path: RowParams<K> }; body: { pinned: boolean } }, RowOf<B, R>>;
  removeRow: Send<RowPath<B, R, K>, { params: { path: RowParams<K> } }, undefined>;
  unfilled: Send<`${B}{id}/unfilled/`, { params: { path: { id: number }; query: PageQuery } }, Page<UnfilledOf<B>>>;
}

export interface RunKindEndpoints<B extends string, R extends string, K extends string> {
  /** The kind's query keys start with it (the feature's name). */
  scope: string;
  /** Where its runs are: `/api/planning/runs/`. */
  base: B;
  /** The rows under review: their segment (`assignments`), the path parameter naming one (`assignment_id`), and
   * both parameters of a row's path. */
  rows: { path: R; key: K; params: (runId: number, rowId: number) => RowParams<K> };
  /** Whether a run in this status still works (polled, cancellable); a method, so that it may take the kind's
   * statuses. */
  isActive(status: string | undefined): boolean;
  /** What starts the run again, for a kind without a re-run endpoint. */
  restart?: (run: RunOf<B>) => StartOf<B>;
  send: RunSenders<B, R, K>;
}

/** Polling interval while a run works; it stops once the run has ended. */
const POLL_MS = 1000;

export function runEndpoints<B extends string, R extends string, K extends string>(
  kind: RunKindEndpoints<B, R, K> & { send: NoInfer<RunSenders<B, R, K>> },
) {
  type Run = RunOf<B>;
  const { scope, base, send } = kind;
  const isActive = (status: string | undefined) => kind.isActive(status);
  const keys = {
    all: [scope, "runs"] as const,
    list: (filters: Filters<Operation<B, "get">>) => [scope, "runs", "list", filters] as const,
    detail: (id: number) => [scope, "runs", "detail", id] as const,
    // Review queries are keyed [scope, what, run, …]: a change to the run's rows refreshes every one of them.
    rows: (runId: number, page: number, pageSize: number) => [scope, kind.rows.path, runId, page, pageSize] as const,
    unfilled: (runId: number) => [scope, "unfilled", runId] as const,
  };
  const isReviewOf = (runId: number) => (key: QueryKey) => key[0] === scope && key[1] !== "runs" && key[2] === runId;

  function useRunMutation<Input>(request: (input: Input) => Promise<Run>) {
    const client = useQueryClient();
    return useMutation({
      mutationFn: request,
      onSuccess: (run) => {
        client.setQueryData(keys.detail(run.id), run);
        void client.invalidateQueries({ queryKey: keys.all });
      },
    });
  }

  function useReviewMutation<Input, Output>(runId: number, request: (input: Input) => Promise<Output>) {
    const client = useQueryClient();
    return useMutation({
      mutationFn: request,
      onSuccess: () => void client.invalidateQueries({ predicate: (query) => isReviewOf(runId)(query.queryKey) }),
    });
  }

  const byId = (id: number) => ({ params: { path: { id } } });
  const rowPath = `${base}{id}/${kind.rows.path}/{${kind.rows.key}}/` as const;

  return {
    keys,
    isActive,

    useRuns: (filters: Filters<Operation<B, "get">>) =>
      useQuery({
        queryKey: keys.list(filters),
        queryFn: () => unwrap(send.list(base, { params: { query: filters } })),
        placeholderData: keepPreviousData,
      }),

    /** One run; polls while it is queued or working so that the page can follow it. */
    useRun: (id: number | undefined) => {
      const client = useQueryClient();
      return useQuery({
        queryKey: keys.detail(id ?? 0),
        queryFn: async () => {
          const run = await unwrap(send.detail(`${base}{id}/`, byId(id ?? 0)));
          if (!isActive(run.status)) void client.invalidateQueries({ queryKey: [scope, "runs", "list"] });
          return run;
        },
        enabled: !!id,
        refetchInterval: (query) => (isActive(query.state.data?.status) ? POLL_MS : false),
      });
    },

    useStart: () => useRunMutation((body: StartOf<B>) => unwrap(send.start(base, { body }))),

    /** A new version of the run's scope and period: the re-run endpoint, or a start with the same input. */
    useRerun: () =>
      useRunMutation((run: Run) => {
        if (send.rerun) return unwrap(send.rerun(`${base}{id}/rerun/`, byId(run.id)));
        if (kind.restart) return unwrap(send.start(base, { body: kind.restart(run) }));
        throw new Error(`${scope}: no way to re-run`);
      }),

    useCancel: (id: number) => useRunMutation<void>(() => unwrap(send.cancel(`${base}{id}/cancel/`, byId(id)))),

    usePublish: (id: number) => useRunMutation<void>(() => unwrap(send.publish(`${base}{id}/publish/`, byId(id)))),

    useRows: (runId: number, page: number, pageSize: number) =>
      useQuery({
        queryKey: keys.rows(runId, page, pageSize),
        queryFn: () =>
          unwrap(
            send.rows(`${base}{id}/${kind.rows.path}/`, {
              params: { path: { id: runId }, query: { page, page_size: pageSize } },
            }),
          ),
        placeholderData: keepPreviousData,
      }),

    useUnfilled: (runId: number) =>
      useQuery({
        queryKey: keys.unfilled(runId),
        queryFn: () =>
          allPages((page) =>
            unwrap(send.unfilled(`${base}{id}/unfilled/`, { params: { path: { id: runId }, query: page } })),
          ),
      }),

    useAddRow: (runId: number) =>
      useReviewMutation(runId, (body: AddRowOf<B, R>) =>
        unwrap(send.addRow(`${base}{id}/${kind.rows.path}/`, { ...byId(runId), body })),
      ),

    usePinRow: (runId: number) =>
      useReviewMutation(runId, ({ id, pinned }: { id: number; pinned: boolean }) =>
        unwrap(send.pinRow(rowPath, { params: { path: kind.rows.params(runId, id) }, body: { pinned } })),
      ),

    useRemoveRow: (runId: number) =>
      useReviewMutation(runId, (id: number) =>
        unwrap(send.removeRow(rowPath, { params: { path: kind.rows.params(runId, id) } })),
      ),
  };
}
