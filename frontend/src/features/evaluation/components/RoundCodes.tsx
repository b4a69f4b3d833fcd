// The one-time ballot codes of a round just opened, shown only now: each with the address a representative opens,
// to copy or print (printing shows this list alone).
import { Alert, Button, Card, Space, Typography, message } from "antd";
import { CopyOutlined, PrinterOutlined } from "@ant-design/icons";
import { ballotUrl, type AppraisalRoundCreated } from "../api/appraisal";
import { copyText } from "@/lib/clipboard";
import { useI18n } from "@/lib/i18n";

const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .appraisal-codes, .appraisal-codes * { visibility: visible; }
  .appraisal-codes { position: absolute; left: 0; top: 0; width: 100%; }
  .appraisal-codes .no-print { display: none; }
}`;

export function RoundCodes({ round, onDone }: { round: AppraisalRoundCreated; onDone: () => void }) {
  const { t } = useI18n();
  const [toast, holder] = message.useMessage();
  const lines = round.codes.map((code) => `${code}  ${ballotUrl(code)}`);
  const copy = () => {
    copyText(`${round.title}\n${lines.join("\n")}`).then(
      () => toast.success(t("apprCopied")),
      () => toast.error(t("copyFailed")),
    );
  };
  return (
    <Card className="appraisal-codes" title={`${round.title} · ${t("apprCodesTitle")}`} data-testid="appraisal-codes">
      {holder}
      <style>{PRINT_CSS}</style>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Alert className="no-print" type="warning" showIcon title={t("apprCodesHelp")} />
        <Space className="no-print" wrap>
          <Button icon={<CopyOutlined />} onClick={copy}>
            {t("apprCopy")}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t("apprPrint")}
          </Button>
          <Button type="primary" onClick={onDone}>
            {t("apprDone")}
          </Button>
        </Space>
        <ol style={{ paddingInlineStart: 24, margin: 0 }}>
          {round.codes.map((code) => (
            <li key={code} style={{ breakInside: "avoid", padding: "4px 0" }}>
              <Typography.Text strong code data-testid="ballot-code">
                {code}
              </Typography.Text>{" "}
              <Typography.Text type="secondary" style={{ wordBreak: "break-all" }}>
                {ballotUrl(code)}
              </Typography.Text>
            </li>
          ))}
        </ol>
      </Space>
    </Card>
  );
}
