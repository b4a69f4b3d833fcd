// The API client: the error shape read into ApiError, the CSRF header on unsafe methods only, the language,
// list values in the query; requests answered by the mock server (src/test/server.ts).
import { HttpResponse } from "msw";
import { beforeEach, describe, expect, it } from "vitest";
import { http, server } from "@/test/server";
import { ApiError, apiClient, buildUrl, readCookie, setApiLanguage, unwrap } from "./api";

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error("the request did not fail with an ApiError");
  return error;
}

/** Records the requests the server gets. */
function recorded() {
  const requests: Request[] = [];
  server.events.on("request:start", ({ request }) => requests.push(request.clone()));
  return requests;
}

describe("the API client", () => {
  beforeEach(() => {
    document.cookie = "csrftoken=tok123";
    setApiLanguage("zh");
  });

  it("reads the error shape into message, code and field errors", async () => {
    // given
    server.use(
      http.post("/api/planning/runs/", ({ response }) =>
        response(400).json({
          message: "week: 日期格式错误。",
          extra: { code: "invalid", fields: { week: ["日期格式错误。"], non_field_errors: ["整体错误"] } },
        }),
      ),
    );
    // when
    const error = await failure(unwrap(apiClient.POST("/api/planning/runs/", { body: { week: "x" } })));
    // then
    expect(error.status).toBe(400);
    expect(error.message).toBe("week: 日期格式错误。");
    expect(error.code).toBe("invalid");
    expect(error.fieldMessages()).toEqual({ week: ["日期格式错误。"] });
  });

  it("keeps a 409 refusal's message and code", async () => {
    server.use(
      http.post("/api/planning/runs/{id}/publish/", ({ response }) =>
        response(409).json({ message: "本周已发布。", extra: { code: "conflict", fields: {} } }),
      ),
    );
    const error = await failure(
      unwrap(apiClient.POST("/api/planning/runs/{id}/publish/", { params: { path: { id: 3 } } })),
    );
    expect([error.status, error.code, error.message]).toEqual([409, "conflict", "本周已发布。"]);
  });

  it("gives a readable message when the body is not the error shape", async () => {
    server.use(
      http.get("/api/me/posts/", ({ response }) =>
        response.untyped(new HttpResponse("<html>oops</html>", { status: 502 })),
      ),
    );
    const error = await failure(unwrap(apiClient.GET("/api/me/posts/")));
    expect(error.status).toBe(502);
    expect(error.message).toBe("服务器返回错误（502），请稍后重试。");
  });

  it("says the server cannot be reached when the network fails", async () => {
    server.use(http.get("/api/me/posts/", ({ response }) => response.untyped(HttpResponse.error())));
    const error = await failure(unwrap(apiClient.GET("/api/me/posts/")));
    expect([error.status, error.code, error.message]).toEqual([0, "network", "无法连接服务器，请检查网络后重试。"]);
  });

  it("sends the CSRF token, JSON and the language on unsafe methods", async () => {
    const requests = recorded();
    server.use(
      http.post("/api/me/posts/{assignment_id}/decline/", ({ response }) =>
        response.untyped(HttpResponse.json({ ok: true })),
      ),
    );
    setApiLanguage("en");
    await unwrap(
      apiClient.POST("/api/me/posts/{assignment_id}/decline/", {
        params: { path: { assignment_id: 4 } },
        body: { reason: "ill" },
      }),
    );
    const [request] = requests;
    expect(new URL(request.url).pathname).toBe("/api/me/posts/4/decline/");
    expect(request.method).toBe("POST");
    expect(request.credentials).toBe("same-origin");
    expect(request.headers.get("X-CSRFToken")).toBe("tok123");
    expect(request.headers.get("Content-Type")).toBe("application/json");
    expect(request.headers.get("Accept-Language")).toBe("en");
    expect(await request.json()).toEqual({ reason: "ill" });
  });

  it("keeps the language in Django's cookie for the files the browser fetches by itself", () => {
    // when the UI turns to English, then back to Chinese
    setApiLanguage("en");
    expect(readCookie("django_language")).toBe("en");
    setApiLanguage("zh");
    // then a plain link (a template, an export) asks in the language shown
    expect(readCookie("django_language")).toBe("zh-hans");
  });

  it("sends no CSRF token on a GET, and leaves empty query values out", async () => {
    const requests = recorded();
    server.use(
      http.get("/api/notifications/", ({ response }) =>
        response(200).json({ count: 0, next: null, previous: null, results: [] }),
      ),
    );
    await unwrap(apiClient.GET("/api/notifications/", { params: { query: { unread: true, page: 2 } } }));
    const [request] = requests;
    expect(new URL(request.url).search).toBe("?unread=true&page=2");
    expect(request.headers.get("X-CSRFToken")).toBeNull();
    expect(request.headers.get("Accept-Language")).toBe("zh-hans");
  });

  it("answers undefined for 204", async () => {
    server.use(
      http.delete("/api/planning/runs/{id}/assignments/{assignment_id}/", ({ response }) => response(204).empty()),
    );
    await expect(
      unwrap(
        apiClient.DELETE("/api/planning/runs/{id}/assignments/{assignment_id}/", {
          params: { path: { id: 1, assignment_id: 2 } },
        }),
      ),
    ).resolves.toBeUndefined();
  });
});

describe("buildUrl", () => {
  it("repeats list values and skips empty ones", () => {
    expect(buildUrl("planning/runs/", { status: ["queued", "done"], week: undefined, empty: "" })).toBe(
      "/api/planning/runs/?status=queued&status=done",
    );
  });
});
