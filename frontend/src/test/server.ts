// The tests' mock server (MSW): request handlers typed from the server's schema, so that a handler's path, its
// parameters and the answer it gives are checked against the API as the web app's client is.
import { setupServer } from "msw/node";
import { createOpenApiHttp } from "openapi-msw";
import type { paths } from "@/api/schema";

export const http = createOpenApiHttp<paths>();
export const server = setupServer();
