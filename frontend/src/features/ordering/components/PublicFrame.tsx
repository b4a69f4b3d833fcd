// The frame of the public order pages: a narrow column laid out for a phone first, the title and the language
// switch (given by the app) on top. Nothing of the signed-in frame.
import { Typography } from "antd";
import type { ReactNode } from "react";
import { Panel } from "@/components/Panel";

export function PublicFrame({ title, header, children }: { title: string; header?: ReactNode; children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        justifyContent: "center",
        padding: "16px 8px",
        background: "#f0f2f5",
      }}
    >
      <Panel style={{ width: "100%", maxWidth: 480, alignSelf: "flex-start" }}>
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
