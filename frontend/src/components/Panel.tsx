// A bordered box with an optional title line (and something at its end), drawn as antd's Card draws one, for the
// pages under the size budget (sign-in, my posts; scripts/bundle-size.mjs): Card brings its tab list and loading
// skeleton along, about 14 KB gzipped that these pages never use.
import { theme } from "antd";
import type { CSSProperties, ReactNode } from "react";

export function Panel({
  title,
  extra,
  size = "default",
  style,
  children,
  testId,
}: {
  title?: ReactNode;
  extra?: ReactNode;
  size?: "small" | "default";
  style?: CSSProperties;
  children: ReactNode;
  testId?: string;
}) {
  const { token } = theme.useToken();
  const padding = size === "small" ? token.paddingSM : token.paddingLG;
  const border = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <div
      data-testid={testId}
      style={{ background: token.colorBgContainer, border, borderRadius: token.borderRadiusLG, ...style }}
    >
      {title && (
        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "space-between",
            gap: token.paddingXS,
            minHeight: size === "small" ? 38 : 56,
            padding: `0 ${padding}px`,
            borderBottom: border,
            fontWeight: token.fontWeightStrong,
            fontSize: size === "small" ? token.fontSize : token.fontSizeLG,
          }}
        >
          <span
            data-testid="panel-title"
            style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
          >
            {title}
          </span>
          {extra}
        </div>
      )}
      <div style={{ padding }}>{children}</div>
    </div>
  );
}
