// The privacy notice's page: the version people accept and the installation's operator and contact come from the
// server; an installation that has not named them says so rather than showing a blank.
import { screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { PrivacyPage } from "./PrivacyPage";

it("names the operator, the contact and the version, then every section", async () => {
  server.use(
    http.get("/api/auth/privacy-notice/", ({ response }) =>
      response(200).json({ version: "2027-01", controller: "示例区委组织部", contact: "010-12345678" }),
    ),
  );
  renderWithApp(<PrivacyPage />);
  expect(await screen.findByText(/个人信息处理者（运营单位）：示例区委组织部/)).toBeInTheDocument();
  expect(screen.getByText(/联系方式：010-12345678/)).toBeInTheDocument();
  expect(screen.getByText("版本：2027-01")).toBeInTheDocument();
  for (const title of ["我们处理哪些信息", "用于什么", "谁能看到", "您的选择和权利", "保存和安全", "声明的变更"]) {
    expect(screen.getByRole("heading", { name: title })).toBeInTheDocument();
  }
});

it("says when the installation has not named its operator", async () => {
  server.use(
    http.get("/api/auth/privacy-notice/", ({ response }) =>
      response(200).json({ version: "2026-12", controller: "", contact: "" }),
    ),
  );
  renderWithApp(<PrivacyPage />);
  expect(await screen.findByText(/运营单位）：（尚未设置，请向您所在社区询问）/)).toBeInTheDocument();
});
