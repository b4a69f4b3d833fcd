// A dialog around one form: 保存 submits the form (its own checks run first), 取消 closes, and the button spins
// while the request is out.
import { Modal, type FormInstance } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "@/lib/i18n";

export function FormModal({
  form,
  title,
  saving,
  onCancel,
  width = 640,
  children,
}: {
  form: FormInstance;
  title: ReactNode;
  saving: boolean;
  onCancel: () => void;
  width?: number;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t("save")}
      cancelText={t("cancel")}
      confirmLoading={saving}
      width={width}
    >
      {children}
    </Modal>
  );
}
