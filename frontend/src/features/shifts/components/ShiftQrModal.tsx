// The shift's check-in QR code: it opens this app's check-in page with the token, on the volunteer's phone.
import { Modal, QRCode, Space, Typography } from "antd";
import { ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { useShiftQrToken } from "../api/qrToken";
import type { Shift } from "../api/shifts";

export function checkInUrl(token: string, origin = window.location.origin) {
  return `${origin}/check-in?token=${encodeURIComponent(token)}`;
}

export function ShiftQrModal({ shift, onClose }: { shift: Shift; onClose: () => void }) {
  const { t } = useI18n();
  const token = useShiftQrToken(shift.id);
  return (
    <Modal open title={`${t("qrTitle")}：${shift.title}`} onCancel={onClose} footer={null}>
      {token.isLoading ? (
        <Loading />
      ) : token.isError ? (
        <ErrorState error={token.error} onRetry={() => token.refetch()} />
      ) : (
        <Space orientation="vertical" align="center" style={{ width: "100%" }}>
          <div data-testid="shift-qr">
            <QRCode value={checkInUrl(token.data!.token)} size={240} />
          </div>
          <Typography.Text type="secondary">
            {t("qrValid", {
              from: formatDateTime(token.data!.valid_from),
              until: formatDateTime(token.data!.valid_until),
            })}
          </Typography.Text>
          <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
            {t("qrHelp")}
          </Typography.Paragraph>
        </Space>
      )}
    </Modal>
  );
}
