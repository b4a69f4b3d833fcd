// The frame of the pages reached without signing in (an invitation, a resident's order and its tracking): a narrow
// column laid out for a phone first, the title and what the app puts beside it (the language switch) on top.
import { Typography } from "antd";
import type { ReactNode } from "react";
import { Panel } from "./Panel";

export function PublicFrame({ title, header, children }: { title: string; header?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        justifyContent: "center",
        padding: "24px 12px",
        background: "#f0f2f5",
      }}
    >
      <Panel style={{ width: "100%", maxWidth: 420, alignSelf: "flex-start" }}>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: 8 }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {header}
        </div>
        {children}
      </Panel>
    </div>
  );
}
