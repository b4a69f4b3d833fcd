// One unit's ledger of a month: its figures, the projects it took part in, the resources it lent, and the
// coordinators' entries (coordinators add one here).
import { Card, Col, List, Row, Space, Statistic, Table, Tag, Typography, message } from "antd";
import { Link, useParams } from "react-router";
import { EmptyState, ErrorState, Loading } from "@/components/PageState";
import { formatDateTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import { useLedger } from "../api/ledgers";
import { LedgerEntryForm } from "./LedgerEntryForm";

export function LedgerDetailPage() {
  const { t } = useI18n();
  const me = useSession();
  const { ledgerId } = useParams();
  const ledger = useLedger(Number(ledgerId));
  const [toast, holder] = message.useMessage();
  if (ledger.isLoading) return <Loading />;
  if (ledger.isError) return <ErrorState error={ledger.error} onRetry={() => ledger.refetch()} />;
  const l = ledger.data!;
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      {holder}
      <Link to="/ledgers">{t("ledgerBack")}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("ledgerDetailTitle", { unit: l.unit_name, month: l.month })}
      </Typography.Title>
      {l.written_at && (
        <Typography.Text type="secondary">
          {t("ledgerWrittenAt", { time: formatDateTime(l.written_at) })}
        </Typography.Text>
      )}
      <Card size="small">
        <Row gutter={[16, 16]}>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t("ledgerProjects")} value={l.project_count} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t("ledgerBookings")} value={l.booking_count} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t("ledgerResourceHours")} value={l.resource_hours} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t("ledgerMembers")} value={l.member_count} />
          </Col>
          <Col xs={12} sm={8} md={4}>
            <Statistic title={t("ledgerMemberHours")} value={l.member_hours} />
          </Col>
        </Row>
      </Card>
      <Card size="small" title={t("ledgerProjectsTitle")}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 560 }}
          dataSource={l.projects}
          locale={{ emptyText: <EmptyState text={t("ledgerProjectsEmpty")} /> }}
          columns={[
            { title: t("name"), dataIndex: "name" },
            { title: t("community"), dataIndex: "community" },
            {
              title: t("ledgerRoles"),
              dataIndex: "roles",
              render: (roles: string[]) =>
                roles.map((role) => <Tag key={role}>{enumLabel(t, "ledgerRole", role)}</Tag>),
            },
            { title: t("ledgerSessions"), dataIndex: "sessions", width: 90 },
          ]}
        />
      </Card>
      <Card size="small" title={t("ledgerResourcesTitle")}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: 480 }}
          dataSource={l.resources}
          locale={{ emptyText: <EmptyState text={t("ledgerResourcesEmpty")} /> }}
          columns={[
            { title: t("name"), dataIndex: "name" },
            { title: t("ledgerBookings"), dataIndex: "bookings", width: 90 },
            {
              title: t("hours"),
              dataIndex: "minutes",
              width: 90,
              render: (minutes: number) => (minutes / 60).toFixed(1),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("ledgerEntriesTitle")}>
        {l.entries.length === 0 ? (
          <EmptyState text={t(isCoordinator(me) ? "ledgerEntriesEmptyCoordinator" : "ledgerEntriesEmpty")} />
        ) : (
          <List
            dataSource={l.entries}
            renderItem={(entry) => (
              <List.Item>
                <List.Item.Meta
                  title={
                    <Space wrap>
                      <Tag>{enumLabel(t, "ledgerKind", entry.kind)}</Tag>
                      {entry.title}
                    </Space>
                  }
                  description={[entry.date, entry.note, entry.created_by].filter(Boolean).join(" · ")}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
      {isCoordinator(me) && (
        <Card size="small" title={t("ledgerEntryAddTitle")}>
          <LedgerEntryForm ledgerId={l.id} onDone={() => void toast.success(t("ledgerEntryAdded"))} />
        </Card>
      )}
    </Space>
  );
}
