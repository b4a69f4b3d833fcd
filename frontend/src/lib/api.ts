// The one API client: same-origin /api calls with the session cookie, the CSRF header on unsafe methods,
// the UI language, and every 4xx turned into an ApiError read from the backend's one error shape.

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

export interface Page<T> {
  count: number;
  next: string | null;
  previous: null | string;
  results: T[];
}

let language = "zh-hans";

/** The UI language the backend answers in (Accept-Language). */
export function setApiLanguage(lang: "zh" | "en") {
  language = lang === "en" ? "en" : "zh-hans";
}

export function readCookie(name: string): string | null {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

export type Query = Record<string, string | number | boolean | null | undefined | (string | number)[]>;

export function buildUrl(path: string, params?: Query): string {
  const url = path.startsWith("/") ? path : `/api/${path}`;
  if (!params) return url;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((v) => search.append(key, String(v)));
    else search.append(key, String(value));
  }
  const text = search.toString();
  return text ? `${url}?${text}` : url;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  params?: Query;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? "GET").toUpperCase();
  const headers: Record<string, string> = { Accept: "application/json", "Accept-Language": language };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (!SAFE.has(method)) {
    const token = readCookie("csrftoken");
    if (token) headers["X-CSRFToken"] = token;
  }
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.params), {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError(0, language === "en" ? "The server cannot be reached." : "无法连接服务器，请检查网络后重试。", "network");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, data);
  return data as T;
}

/** Reads {"message", "extra": {"code", "fields"}}; anything else (a 500 page, a proxy error) gets a generic text. */
export function toApiError(status: number, data: unknown): ApiError {
  if (data && typeof data === "object" && "message" in data) {
    const body = data as { message?: unknown; extra?: { code?: unknown; fields?: unknown } };
    const fields = body.extra?.fields && typeof body.extra.fields === "object" ? (body.extra.fields as FieldErrors) : {};
    const code = typeof body.extra?.code === "string" ? body.extra.code : "error";
    return new ApiError(status, String(body.message), code, fields);
  }
  const fallback =
    language === "en" ? `The server answered ${status}; try again later.` : `服务器返回错误（${status}），请稍后重试。`;
  return new ApiError(status, fallback, "error");
}

/** Every page of a list, for charts and small scopes (stops at `limit` rows). */
export async function fetchAll<T>(path: string, params: Query = {}, limit = 2000): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; rows.length < limit; page += 1) {
    const data = await api<Page<T>>(path, { params: { ...params, page, page_size: 200 } });
    rows.push(...data.results);
    if (!data.next) break;
  }
  return rows;
}
