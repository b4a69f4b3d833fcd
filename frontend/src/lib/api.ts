// The one API client: the client generated from the server's schema (src/api/openapi.json → src/api/schema.d.ts,
// openapi-fetch) with same-origin /api calls, the session cookie, the CSRF header on unsafe methods, the UI
// language, and every failure turned into an ApiError read from the backend's one error shape.
import type { Client } from "openapi-fetch";
import type { components, paths } from "@/api/schema";

/** A component of the server's schema: `Schema<"Need">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export type FieldErrors = Record<string, unknown>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;

  constructor(status: number, message: string, code = "error", fields: FieldErrors = {}) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Field name -> its messages as plain strings (nested lists flattened; non_field_errors excluded). */
  fieldMessages(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(this.fields)) {
      if (name === "non_field_errors") continue;
      const messages = flatten(value);
      if (messages.length) out[name] = messages;
    }
    return out;
  }
}

function flatten(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (value && typeof value === "object") return Object.values(value).flatMap(flatten);
  return [];
}

/** A page of a list endpoint (the schema's Paginated…List components have this shape). */
export interface Page<T> {
  count: number;
  next?: string | null;
  previous?: string | null;
  results: T[];
}

let language = "zh-hans";

/** The UI language the backend answers in: Accept-Language on the client's requests, and Django's language cookie
 * for what the browser fetches by itself (a template, an export or a report opened as a plain link). */
export function setApiLanguage(lang: "zh" | "en") {
  language = lang === "en" ? "en" : "zh-hans";
  document.cookie = `django_language=${language}; path=/; max-age=31536000; SameSite=Lax`;
}

export function readCookie(name: string): string | null {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

/** Query text: list values repeated (`status=a&status=b`), empty values left out. */
export function queryString(params: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  return search.toString();
}

export function buildUrl(path: string, params?: Query): string {
  const url = path.startsWith("/") ? path : `/api/${path}`;
  const text = params ? queryString(params) : "";
  return text ? `${url}?${text}` : url;
}

interface Init {
  params?: { path?: Record<string, string | number>; query?: Query };
  body?: unknown;
  /** openapi-fetch's option: how the body is sent when not as JSON (a multipart upload: `toFormData`). */
  bodySerializer?: (body: never) => BodyInit;
  signal?: AbortSignal;
}

// The requests openapi-fetch would send, for the options this app uses (path and query parameters, a JSON body, a
// signal): its types check every call against the schema, this runtime sends it. openapi-fetch's own runtime
// (middleware, serialization styles, custom Request classes; ~2 KB gzipped) would put the volunteer's first page over
// its 300 KB budget (scripts/bundle-size.mjs) for features the app does not use.
async function send(method: string, path: string, init: Init = {}, origin = "") {
  const url = buildUrl(
    path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(init.params?.path?.[name]))),
    init.params?.query,
  );
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  // A FormData body carries its own Content-Type (with the multipart boundary), set by fetch.
  const body =
    init.body === undefined
      ? undefined
      : init.bodySerializer
        ? init.bodySerializer(init.body as never)
        : JSON.stringify(init.body);
  if (typeof body === "string") headers["Content-Type"] = "application/json";
  if (!SAFE.has(method)) {
    const token = readCookie("csrftoken");
    if (token) headers["X-CSRFToken"] = token;
  }
  // The global fetch is looked up at each call: the tests' mock server replaces it after this module has loaded.
  const response = await globalThis.fetch(`${origin}${url}`, {
    method,
    headers,
    credentials: "same-origin",
    body,
    signal: init.signal,
  });
  const text = response.status === 204 ? "" : await response.text();
  let parsed: unknown = text || undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (a proxy's error page): kept as text, read by toApiError as no error shape
  }
  return response.ok ? { data: parsed, response } : { error: parsed, response };
}

/** The generated client: paths, parameters, bodies and answers typed from the schema (openapi-fetch's `Client`). */
export const apiClient = Object.fromEntries(
  // Absolute, so that the same requests work in the browser and under Node's fetch in the tests (MSW).
  ["GET", "PUT", "POST", "DELETE", "PATCH"].map((method) => [
    method,
    (path: string, init?: Init) => send(method, path, init, globalThis.location?.origin ?? ""),
  ]),
) as unknown as Client<paths>;

type Answer<D> = { data?: D; error?: unknown; response: Response };

/** A multipart body (openapi-fetch's `bodySerializer`): each field as a form field, files as files, other values as
 * JSON. The schema types a file (format binary) as a string; `asUpload` puts the browser's File in its place. */
export function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined) continue;
    if (value instanceof Blob) form.append(name, value, value instanceof File ? value.name : name);
    else form.append(name, typeof value === "string" ? value : JSON.stringify(value));
  }
  return form;
}

/** A File where the schema says binary (a string): what `toFormData` sends as a file. */
export const asUpload = (file: Blob) => file as unknown as string;

/** The answer's data, or an ApiError: `unwrap(apiClient.GET("/api/needs/", {...}))`. */
export async function unwrap<D>(request: Promise<Answer<D>>): Promise<D> {
  let answer: Answer<D>;
  try {
    answer = await request;
  } catch (error) {
    if (error instanceof Error && error.name === "AbortError") throw error;
    throw new ApiError(
      0,
      language === "en" ? "The server cannot be reached." : "无法连接服务器，请检查网络后重试。",
      "network",
    );
  }
  if (!answer.response.ok) throw toApiError(answer.response.status, answer.error);
  // A 204 has no body: openapi-fetch answers undefined data, which the schema types as the absent content.
  return answer.data as D;
}

/** Every page of a list, for charts and small scopes (stops at `limit` rows). */
export async function allPages<T>(
  fetchPage: (query: { page: number; page_size: number }) => Promise<Page<T>>,
  limit = 2000,
): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; rows.length < limit; page += 1) {
    const data = await fetchPage({ page, page_size: 200 });
    rows.push(...data.results);
    if (!data.next) break;
  }
  return rows;
}

/** Reads {"message", "extra": {"code", "fields"}}; anything else (a 500 page, a proxy error) gets a generic text. */
export function toApiError(status: number, data: unknown): ApiError {
  if (data && typeof data === "object" && "message" in data) {
    const body = data as { message?: unknown; extra?: { code?: unknown; fields?: unknown } };
    const fields =
      body.extra?.fields && typeof body.extra.fields === "object" ? (body.extra.fields as FieldErrors) : {};
    const code = typeof body.extra?.code === "string" ? body.extra.code : "error";
    return new ApiError(status, String(body.message), code, fields);
  }
  const fallback =
    language === "en" ? `The server answered ${status}; try again later.` : `服务器返回错误（${status}），请稍后重试。`;
  return new ApiError(status, fallback, "error");
}
