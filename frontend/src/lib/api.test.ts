// The API client: the error shape read into ApiError, the CSRF header on unsafe methods only, the language.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { api, ApiError, buildUrl, setApiLanguage } from "./api";

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("the request did not fail");
}

function reply(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

describe("api", () => {
  const fetchMock = vi.fn();

  beforeEach(() => {
    vi.stubGlobal("fetch", fetchMock);
    document.cookie = "csrftoken=tok123";
    setApiLanguage("zh");
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  it("reads the error shape into message, code and field errors", async () => {
    // given
    fetchMock.mockResolvedValue(
      reply(400, {
        message: "week: 日期格式错误。",
        extra: { code: "invalid", fields: { week: ["日期格式错误。"], non_field_errors: ["整体错误"] } },
      }),
    );
    // when
    const error = await failure(api("planning/runs/", { method: "POST", body: { week: "x" } }));
    // then
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.message).toBe("week: 日期格式错误。");
    expect(error.code).toBe("invalid");
    expect(error.fieldMessages()).toEqual({ week: ["日期格式错误。"] });
  });

  it("keeps a 409 refusal's message and code", async () => {
    fetchMock.mockResolvedValue(reply(409, { message: "本周已发布。", extra: { code: "conflict", fields: {} } }));
    const error = await failure(api("planning/runs/3/publish/", { method: "POST" }));
    expect([error.status, error.code, error.message]).toEqual([409, "conflict", "本周已发布。"]);
  });

  it("gives a readable message when the body is not the error shape", async () => {
    fetchMock.mockResolvedValue(new Response("<html>oops</html>", { status: 502 }));
    const error = await failure(api("me/posts/"));
    expect(error.status).toBe(502);
    expect(error.message).toContain("502");
  });

  it("sends the CSRF token, JSON and the language on unsafe methods", async () => {
    fetchMock.mockResolvedValue(reply(200, { ok: true }));
    setApiLanguage("en");
    await api("me/posts/4/decline/", { method: "POST", body: { reason: "ill" } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/me/posts/4/decline/");
    expect(init.method).toBe("POST");
    expect(init.credentials).toBe("same-origin");
    expect(init.headers["X-CSRFToken"]).toBe("tok123");
    expect(init.headers["Content-Type"]).toBe("application/json");
    expect(init.headers["Accept-Language"]).toBe("en");
    expect(init.body).toBe(JSON.stringify({ reason: "ill" }));
  });

  it("sends no CSRF token on a GET", async () => {
    fetchMock.mockResolvedValue(reply(200, { count: 0, results: [] }));
    await api("notifications/", { params: { unread: true, page: 2, empty: "" } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe("/api/notifications/?unread=true&page=2");
    expect(init.headers["X-CSRFToken"]).toBeUndefined();
    expect(init.headers["Accept-Language"]).toBe("zh-hans");
  });

  it("answers undefined for 204", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await expect(api("planning/runs/1/assignments/2/", { method: "DELETE" })).resolves.toBeUndefined();
  });
});

describe("buildUrl", () => {
  it("repeats list values and skips empty ones", () => {
    expect(buildUrl("planning/runs/", { status: ["queued", "done"], week: undefined })).toBe(
      "/api/planning/runs/?status=queued&status=done",
    );
  });
});
