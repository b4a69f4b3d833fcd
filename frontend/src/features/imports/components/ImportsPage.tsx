// 导入 (coordinators): choose what to import (volunteers, units, resources), download its template if wanted, and
// upload a sheet, which the server checks at once; then the check, the column mapping and the confirmation or
// cancellation on the run's page (ImportRunPage). Below, the imports of the coordinator's scope.
import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Select, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorState } from "@/components/PageState";
import { ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import {
  IMPORT_KINDS,
  importTemplateUrl,
  useImportRuns,
  useUploadImport,
  type ImportKind,
  type ImportRun,
} from "../api/imports";
import { ImportStatusTag } from "./ImportStatusTag";

/** The reasons of a refused upload: the file's own field first, else the message. */
function refusal(error: unknown): string {
  if (!(error instanceof ApiError)) return String(error);
  const fields = error.fieldMessages();
  return [...(fields.file ?? []), ...(fields.kind ?? [])].join(" ") || error.message;
}

export function ImportsPage() {
  const { t } = useI18n();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const [kind, setKind] = useState<ImportKind>("volunteers");
  const upload = useUploadImport();
  const runs = useImportRuns();

  const send = (file: File) => {
    upload.mutate(
      { file, kind },
      {
        onSuccess: (run) => void navigate(`/imports/${run.id}`),
        onError: (error) => void modal.error({ title: t("importUploadRefused"), content: refusal(error) }),
      },
    );
    return false; // the mutation sends it, not antd's own request
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("menuImports")}
      </Typography.Title>
      <Card>
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Alert type="info" showIcon title={t("importsHelp")} />
          <Space wrap>
            <span>{t("importKind")}</span>
            <Select<ImportKind>
              value={kind}
              onChange={setKind}
              style={{ width: 160 }}
              aria-label={t("importKind")}
              options={IMPORT_KINDS.map((value) => ({ value, label: enumLabel(t, "importKind", value) }))}
            />
            <Button icon={<DownloadOutlined />} href={importTemplateUrl(kind)}>
              {t("importTemplate", { kind: enumLabel(t, "importKind", kind) })}
            </Button>
          </Space>
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            beforeUpload={send}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t("importUpload")}</p>
            <p className="ant-upload-hint">{t("importUploadHint")}</p>
          </Upload.Dragger>
        </Space>
      </Card>
      <Card title={t("importRunsTitle")}>
        {runs.isError ? (
          <ErrorState error={runs.error} onRetry={() => runs.refetch()} />
        ) : (
          <Table<ImportRun>
            rowKey="id"
            size="small"
            loading={runs.isLoading}
            dataSource={runs.data ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: t("importRunsEmpty") }}
            scroll={{ x: true }}
            columns={[
              {
                title: t("importFile"),
                dataIndex: "file_name",
                render: (name: string, run) => <Link to={`/imports/${run.id}`}>{name}</Link>,
              },
              {
                title: t("importKind"),
                dataIndex: "kind",
                render: (value: ImportKind) => enumLabel(t, "importKind", value),
              },
              {
                title: t("importStatus"),
                dataIndex: "status",
                render: (_, run) => <ImportStatusTag status={run.status} />,
              },
              { title: t("importUploadedAt"), dataIndex: "created_at", render: (iso: string) => formatDateTime(iso) },
              { title: t("importUploadedBy"), dataIndex: "created_by" },
              { title: t("importCreated"), dataIndex: "created" },
              { title: t("importUpdated"), dataIndex: "updated" },
              {
                title: t("importBad"),
                key: "bad",
                render: (_, run) => (run.status === "checked" ? run.preview.bad : run.bad),
              },
              {
                title: "",
                key: "open",
                render: (_, run) => (
                  <Link to={`/imports/${run.id}`}>
                    <Button size="small">{t("importOpen")}</Button>
                  </Link>
                ),
              },
            ]}
          />
        )}
      </Card>
    </Space>
  );
}
