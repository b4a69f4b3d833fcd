// The public tracking page (/track; ?tracking_no= fills the number in, from the order page): the tracking number
// and the phone show the order's status as steps with its dates, and, once it is done, take the resident's rating
// (评单) of 1 to 5 stars and a comment. A wrong number or phone is one answer (404), whichever is wrong.
import { Alert, Button, Form, Input, Rate, Space, Steps, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { useSearchParams } from "react-router";
import { PublicFrame } from "@/components/PublicFrame";
import { formatDate, formatDateTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n, type MessageKey } from "@/lib/i18n";
import { OrderWait, useRateOrder, useTrackOrder, type OrderLookup, type OrderStatus } from "../api/ordering";
import { PhoneItem } from "./PhoneItem";
import { useWait } from "./WaitNote";

// The way an order goes (待审核 → 已发布 → 已认领 → 服务中 → 已办结 → 已评价); a closed order stops where it was.
const STEPS: OrderStatus["status"][] = ["pending", "published", "claimed", "in_service", "completed", "rated"];

function RateForm({ lookup, onRated }: { lookup: OrderLookup; onRated: (order: OrderStatus) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ score: number; comment: string }>();
  const rate = useRateOrder();
  const wait = useWait();
  const [error, setError] = useState<string | null>(null);
  const submit = (values: { score: number; comment: string }) => {
    setError(null);
    rate.mutate(
      { ...lookup, score: values.score, comment: values.comment.trim() },
      {
        onSuccess: onRated,
        onError: (e) => setError(e instanceof OrderWait ? wait.explain(e) : applyServerErrors(form, e)),
      },
    );
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ comment: "" }}>
      <Typography.Title level={5}>{t("orderRateTitle")}</Typography.Title>
      <Form.Item name="score" label={t("orderScore")} rules={[{ required: true, message: t("orderScoreRequired") }]}>
        <Rate style={{ fontSize: 32 }} />
      </Form.Item>
      <Form.Item name="comment" label={t("orderComment")}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={rate.isPending} disabled={wait.waiting}>
        {t("orderRateSubmit")}
      </Button>
    </Form>
  );
}

function OrderView({ order, lookup, onAgain }: { order: OrderStatus; lookup: OrderLookup; onAgain: () => void }) {
  const { t } = useI18n();
  const [shown, setShown] = useState(order);
  const [thanked, setThanked] = useState(false);
  const label = (status: OrderStatus["status"]) => t(`orderStatus_${status}` as MessageKey);
  const current = STEPS.indexOf(shown.status);
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <div>
        <Typography.Text type="secondary">
          {t("orderNumber")} {shown.tracking_no} · {shown.community_name}
        </Typography.Text>
        <Typography.Title level={5} style={{ marginTop: 4 }}>
          {shown.title}
        </Typography.Title>
      </div>
      {shown.status === "closed" ? (
        <Alert type="info" showIcon title={`${label("closed")}：${t("orderClosed")}`} />
      ) : (
        <Steps
          orientation="vertical"
          size="small"
          current={current}
          status={current === STEPS.length - 1 ? "finish" : "process"}
          items={STEPS.map((status) => ({ title: label(status) }))}
        />
      )}
      <Typography.Text type="secondary">
        {t("orderSubmittedAt", { time: formatDateTime(shown.submitted_at) })}
        {shown.status_changed_at ? ` · ${t("orderChangedAt", { time: formatDateTime(shown.status_changed_at) })}` : ""}
        {shown.deadline && shown.status !== "rated"
          ? ` · ${t("orderDeadline", { date: formatDate(shown.deadline) })}`
          : ""}
      </Typography.Text>
      {shown.rating_score !== null && (
        <div>
          <Typography.Text>{t("orderRated")}</Typography.Text> <Rate disabled value={shown.rating_score} />
          {shown.rating_comment && <Typography.Paragraph>{shown.rating_comment}</Typography.Paragraph>}
          {thanked && <Alert type="success" showIcon title={t("orderThanks")} role="status" />}
        </div>
      )}
      {shown.rateable && (
        <RateForm
          lookup={lookup}
          onRated={(rated) => {
            setShown(rated);
            setThanked(true);
          }}
        />
      )}
      <Button type="link" onClick={onAgain} style={{ paddingLeft: 0 }}>
        {t("orderNewQuery")}
      </Button>
    </Space>
  );
}

export function TrackPage({ header }: { header?: ReactNode }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [form] = Form.useForm<OrderLookup>();
  const track = useTrackOrder();
  const wait = useWait();
  const [found, setFound] = useState<{ order: OrderStatus; lookup: OrderLookup } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (values: OrderLookup) => {
    setError(null);
    const lookup = { tracking_no: values.tracking_no.trim(), phone: values.phone.trim() };
    track.mutate(lookup, {
      onSuccess: (order) => setFound({ order, lookup }),
      onError: (e) => setError(e instanceof OrderWait ? wait.explain(e) : applyServerErrors(form, e)),
    });
  };
  return (
    <PublicFrame title={t("orderTrackTitle")} header={header}>
      {found ? (
        <OrderView order={found.order} lookup={found.lookup} onAgain={() => setFound(null)} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          onFinish={submit}
          requiredMark={false}
          initialValues={{ tracking_no: params.get("tracking_no") ?? "", phone: "" }}
        >
          <Typography.Paragraph type="secondary">{t("orderTrackHelp")}</Typography.Paragraph>
          <Form.Item
            name="tracking_no"
            label={t("orderNumber")}
            rules={[{ required: true, whitespace: true, message: t("orderNumberRequired") }]}
          >
            <Input size="large" autoCapitalize="characters" maxLength={32} />
          </Form.Item>
          <PhoneItem />
          {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block size="large" loading={track.isPending} disabled={wait.waiting}>
            {t("orderTrackSubmit")}
          </Button>
        </Form>
      )}
    </PublicFrame>
  );
}
