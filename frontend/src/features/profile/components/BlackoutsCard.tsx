// The volunteer's blackouts (days or hours they are away): listed from today, added as whole days or as times with an
// optional reason, deleted one by one. Every date and time is the district's, whatever the browser's zone.
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  List,
  Popconfirm,
  Segmented,
  Space,
  Tag,
  Typography,
} from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { ErrorState, Loading } from "@/components/PageState";
import { districtDay, districtToday, pickedDay } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useAddBlackout, useBlackouts, useDeleteBlackout } from "../api/profile";
import { shownSpan, timesSpan, wholeDaysSpan } from "./blackouts";

type Mode = "days" | "times";

interface Values {
  range: [Dayjs, Dayjs];
  reason?: string;
}

export function BlackoutsCard({ volunteer }: { volunteer: number }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const today = districtToday();
  const rows = useBlackouts(volunteer, districtDay(today).format());
  const add = useAddBlackout(volunteer);
  const remove = useDeleteBlackout(volunteer);
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<Mode>("days");
  const [error, setError] = useState<string | null>(null);

  const submit = ({ range: [from, to], reason }: Values) => {
    setError(null);
    const span = mode === "days" ? wholeDaysSpan(pickedDay(from), pickedDay(to)) : timesSpan(from, to);
    add.mutate(
      { ...span, reason: reason?.trim() ?? "" },
      {
        onSuccess: () => {
          form.resetFields();
          message.success(t("blackoutAdded"));
        },
        onError: (e) => setError(applyServerErrors(form, e)),
      },
    );
  };

  const beforeToday = (value: Dayjs) => pickedDay(value) < today;
  return (
    <Card
      title={t("blackouts")}
      extra={<Typography.Text type="secondary">{t("blackoutsHelp")}</Typography.Text>}
      data-testid="blackouts-card"
    >
      {rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => rows.refetch()} />
      ) : rows.isLoading ? (
        <Loading />
      ) : (
        <List
          size="small"
          dataSource={rows.data ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("noBlackouts")} /> }}
          renderItem={(row) => {
            const shown = shownSpan(row);
            return (
              <List.Item
                actions={[
                  <Popconfirm
                    key="blackoutDelete"
                    title={t("blackoutDeleteConfirm")}
                    onConfirm={() =>
                      remove.mutate(row.id, {
                        onSuccess: () => void message.success(t("blackoutDeleted")),
                        onError: (e) => void message.error(e instanceof Error ? e.message : String(e)),
                      })
                    }
                  >
                    <Button type="text" danger icon={<DeleteOutlined />} aria-label={t("blackoutDelete")} />
                  </Popconfirm>,
                ]}
              >
                <Space wrap>
                  <span>{shown.from === shown.to ? shown.from : `${shown.from} – ${shown.to}`}</span>
                  {shown.wholeDays && <Tag>{t("blackoutWholeDays")}</Tag>}
                  {row.reason && <Typography.Text type="secondary">{row.reason}</Typography.Text>}
                </Space>
              </List.Item>
            );
          }}
        />
      )}
      <Form form={form} layout="vertical" onFinish={submit} style={{ marginTop: 16 }} data-testid="blackout-form">
        <Form.Item label={t("blackoutKind")}>
          <Segmented<Mode>
            value={mode}
            onChange={(next) => {
              setMode(next);
              form.resetFields(["range"]);
            }}
            options={[
              { value: "days", label: t("blackoutWholeDays") },
              { value: "times", label: t("blackoutTimes") },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="range"
          label={t("blackoutWhen")}
          rules={[{ required: true, message: t("blackoutWhenRequired") }]}
        >
          {mode === "days" ? (
            <DatePicker.RangePicker disabledDate={beforeToday} aria-label={t("blackoutWhen")} />
          ) : (
            <DatePicker.RangePicker
              showTime={{ format: "HH:mm", minuteStep: 5 }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={beforeToday}
              order
            />
          )}
        </Form.Item>
        <Form.Item name="reason" label={t("blackoutReason")} rules={[{ max: 100 }]}>
          <Input maxLength={100} placeholder={t("blackoutReasonPlaceholder")} />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {t("blackoutAdd")}
        </Button>
      </Form>
    </Card>
  );
}
