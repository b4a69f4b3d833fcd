// The signed-in frame: a side menu on wide screens, a drawer and a bottom bar on phones; header with the
// user, the language switch and sign-out.
import { Button, Grid, Layout, Space, Typography } from "antd";
import { LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { lazy, Suspense, useState, type ReactNode } from "react";
import { useLocation, useNavigate } from "react-router";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { LanguageSwitch } from "./LanguageSwitch";
import { VersionFooter } from "./VersionFooter";
import { menuFor } from "./menu";
import { SideNav } from "./SideNav";

// The phone's menu drawer loads the first time it opens: most visits never open it.
const MenuDrawer = lazy(() => import("./MenuDrawer").then((m) => ({ default: m.MenuDrawer })));

export function Shell({ children, onLogout }: { children: ReactNode; onLogout: () => void }) {
  const { t } = useI18n();
  const me = useSession();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const location = useLocation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const entries = menuFor(me);
  const selected = entries.filter((e) => location.pathname.startsWith(e.path)).map((e) => e.path);
  const menu = <SideNav entries={entries} selected={selected} onNavigate={() => setOpen(false)} />;

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {!phone && (
        <Layout.Sider width={208} theme="light" style={{ borderRight: "1px solid #f0f0f0" }}>
          <div style={{ padding: "16px 20px", fontWeight: 600, color: "#c8102e" }}>{t("appShort")}</div>
          {menu}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: "#fff",
            padding: "0 12px",
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            borderBottom: "1px solid #f0f0f0",
          }}
        >
          <div style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 0 }}>
            {phone && (
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => {
                  setOpen(true);
                  setOpened(true);
                }}
                aria-label="menu"
              />
            )}
            <span style={{ fontWeight: 600, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" }}>
              {phone ? t("appShort") : t("appName")}
            </span>
          </div>
          <Space size={0}>
            {!phone && (
              <Typography.Text type="secondary" style={{ marginRight: 8 }} data-testid="who">
                {me.display_name || me.username} · {enumLabel(t, "role", me.role)}
              </Typography.Text>
            )}
            <LanguageSwitch />
            <Button type="text" icon={<LogoutOutlined />} onClick={onLogout} aria-label={t("logout")}>
              {phone ? null : t("logout")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, paddingBottom: phone ? 72 : 24 }}>{children}</Layout.Content>
        <VersionFooter phone={phone} />
        {phone && (
          <nav
            style={{
              position: "fixed",
              bottom: 0,
              left: 0,
              right: 0,
              display: "flex",
              background: "#fff",
              borderTop: "1px solid #f0f0f0",
              zIndex: 10,
            }}
          >
            {entries.slice(0, 4).map((e) => (
              <button
                key={e.path}
                onClick={() => void navigate(e.path)}
                style={{
                  flex: 1,
                  border: 0,
                  background: "none",
                  padding: "8px 0",
                  fontSize: 12,
                  color: selected.includes(e.path) ? "#c8102e" : "#595959",
                }}
              >
                <div style={{ fontSize: 18 }}>{e.icon}</div>
                {t(e.label)}
              </button>
            ))}
          </nav>
        )}
      </Layout>
      {opened && (
        <Suspense fallback={null}>
          <MenuDrawer
            open={open}
            onClose={() => setOpen(false)}
            title={me.display_name || me.username}
            role={enumLabel(t, "role", me.role)}
          >
            {menu}
          </MenuDrawer>
        </Suspense>
      )}
    </Layout>
  );
}
