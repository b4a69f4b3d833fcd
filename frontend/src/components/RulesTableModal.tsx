// A district table of rules in a dialog (deadlines by category, points by kind): every coordinator reads it, the
// district's administrators edit it; 保存 sends what changed, and a refusal shows in an alert under the table.
import { Alert, Modal, Typography } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";

export function RulesTableModal({
  title,
  help,
  editable,
  saving,
  onSubmit,
  onClose,
  error,
  refusedTitle,
  width = 720,
  children,
}: {
  title: ReactNode;
  help: ReactNode;
  editable: boolean;
  saving: boolean;
  onSubmit: () => void;
  onClose: () => void;
  error: string | null;
  refusedTitle: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={editable ? onSubmit : onClose}
      okText={editable ? t("save") : t("confirm")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      width={width}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      {children}
      {error && <Alert type="error" showIcon title={refusedTitle} description={error} role="alert" />}
    </Modal>
  );
}
