// The phone's menu: a drawer from the left with the user's role above the menu.
import { Drawer, Typography } from "antd";
import type { ReactNode } from "react";

export function MenuDrawer({
  open,
  onClose,
  title,
  role,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  role: string;
  children: ReactNode;
}) {
  return (
    <Drawer open={open} onClose={onClose} placement="left" size={240} title={title}>
      <Typography.Paragraph type="secondary">{role}</Typography.Paragraph>
      {children}
    </Drawer>
  );
}
