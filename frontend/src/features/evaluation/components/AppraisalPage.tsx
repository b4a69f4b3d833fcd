// 民主测评 (coordinators): open a round and hand out its codes once; the rounds of their scope with the ballots
// cast, and each round's results per unit.
import { Button, Card, Drawer, Modal, Space, Table, Typography } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useState } from "react";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import {
  useAppraisalRound,
  useAppraisalRounds,
  type AppraisalRound,
  type AppraisalRoundCreated,
  type AppraisalUnitResult,
} from "../api/appraisal";
import { useI18n } from "@/lib/i18n";
import { percent } from "./GradeTag";
import { RoundCodes } from "./RoundCodes";
import { RoundForm } from "./RoundForm";

function RoundResults({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useI18n();
  const round = useAppraisalRound(id);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size="large"
      title={round.data ? t("apprResultsTitle", { title: round.data.title }) : t("apprResults")}
    >
      {round.isLoading && <Loading />}
      {round.isError && <ErrorState error={round.error} onRetry={() => round.refetch()} />}
      {round.data && (
        <Table<AppraisalUnitResult>
          rowKey="unit"
          size="small"
          pagination={false}
          dataSource={round.data.results}
          scroll={{ x: 560 }}
          locale={{ emptyText: <EmptyState text={t("apprResultsEmpty")} /> }}
          columns={[
            { title: t("evalUnit"), dataIndex: "unit_name", key: "unit" },
            { title: t("apprSatisfied"), dataIndex: "satisfied", key: "s", align: "right" },
            { title: t("apprBasically"), dataIndex: "basically_satisfied", key: "b", align: "right" },
            { title: t("apprDissatisfied"), dataIndex: "dissatisfied", key: "d", align: "right" },
            { title: t("apprCount"), dataIndex: "count", key: "count", align: "right" },
            { title: t("apprRate"), key: "rate", align: "right", render: (_v, row) => percent(row.satisfaction_rate) },
          ]}
        />
      )}
    </Drawer>
  );
}

export function AppraisalPage() {
  const { t } = useI18n();
  const rounds = useAppraisalRounds();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<AppraisalRoundCreated | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("apprTitle")}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t("apprNew")}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t("apprHelp")}
      </Typography.Paragraph>
      {created && <RoundCodes round={created} onDone={() => setCreated(null)} />}
      <Card title={t("apprRounds")}>
        {rounds.isError ? (
          <ErrorState error={rounds.error} onRetry={() => rounds.refetch()} />
        ) : (
          <Table<AppraisalRound>
            rowKey="id"
            size="small"
            loading={rounds.isLoading}
            dataSource={rounds.data}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            scroll={{ x: 640 }}
            locale={{ emptyText: <EmptyState text={t("apprRoundsEmpty")} /> }}
            columns={[
              { title: t("apprRoundTitle"), dataIndex: "title", key: "title" },
              { title: t("apprYear"), dataIndex: "year", key: "year" },
              {
                title: t("apprScope"),
                key: "scope",
                render: (_v, r) => r.community_name ?? r.sub_district_name ?? "—",
              },
              { title: t("apprUnits"), key: "units", align: "right", render: (_v, r) => r.units.length },
              {
                title: t("apprUsed"),
                key: "used",
                render: (_v, r) => t("apprUsedOf", { used: r.used_count, total: r.ballot_count }),
              },
              { title: "", key: "created", responsive: ["md"], render: (_v, r) => formatDateTime(r.created_at) },
              {
                title: "",
                key: "open",
                render: (_v, r) => (
                  <Button size="small" onClick={() => setOpen(r.id)}>
                    {t("apprResults")}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Card>
      <Modal
        open={creating}
        title={t("apprNew")}
        footer={null}
        onCancel={() => setCreating(false)}
        destroyOnHidden
        width={640}
      >
        <RoundForm
          onCreated={(round) => {
            setCreating(false);
            setCreated(round);
          }}
        />
      </Modal>
      <RoundResults id={open} onClose={() => setOpen(null)} />
    </Space>
  );
}
