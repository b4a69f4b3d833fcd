// The menu: the role's pages as a list of links, the open one marked (aria-current="page"). A plain list rather
// than Ant Design's Menu, which weighs 15 KB gzipped on every signed-in first page (scripts/bundle-size.mjs) for
// what a list of links does: links are reached with Tab, opened with Enter, and named by their text.
import { theme } from "antd";
import type { CSSProperties } from "react";
import { Link } from "react-router";
import { useI18n } from "@/lib/i18n";
import type { MenuEntry } from "./menu";

export function SideNav({
  entries,
  selected,
  onNavigate,
}: {
  entries: readonly MenuEntry[];
  /** The paths of the entries to mark as open. */
  selected: readonly string[];
  onNavigate?: () => void;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  // Colours from the theme, read by global.css (.side-nav).
  const colours = {
    "--side-nav-text": token.colorText,
    "--side-nav-hover": token.colorBgTextHover,
    "--side-nav-selected": token.colorPrimary,
    "--side-nav-selected-bg": token.colorPrimaryBg,
    "--side-nav-radius": `${token.borderRadiusLG}px`,
  } as CSSProperties;
  return (
    <nav className="side-nav" aria-label={t("mainMenu")} style={colours}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.path}>
            <Link
              to={entry.path}
              aria-current={selected.includes(entry.path) ? "page" : undefined}
              onClick={onNavigate}
            >
              <span className="side-nav-icon" aria-hidden>
                {entry.icon}
              </span>
              {t(entry.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
