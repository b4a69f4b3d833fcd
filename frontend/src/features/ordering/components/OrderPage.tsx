// The public order page of a community (/order/<id>, the poster's QR code): its service menu to book from (点此预约
// fills in what is ordered from the offer), or the need described; where and when, the phone confirmed by an SMS
// code; the answer is a tracking number, shown big with a copy button. No account, and nothing of anybody else on
// the page.
import { Alert, Button, Form, Input, Result, Select, Space, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { PublicFrame } from "@/components/PublicFrame";
import { copyText } from "@/lib/clipboard";
import { districtTime } from "@/lib/format";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { ApiError } from "@/lib/api";
import {
  OrderWait,
  useOrderCode,
  useOrderForm,
  useOrderMenu,
  usePlaceOrder,
  type MenuOffer,
  type OrderForm,
  type OrderInput,
} from "../api/ordering";
import { ChosenOffer, OrderMenu } from "./OrderMenu";
import { PhoneItem } from "./PhoneItem";
import { useWait } from "./WaitNote";

const CODE = /^[0-9]{6}$/;
// The server's refusals of an offer that takes no order from this page now: the menu is read again.
const OFFER_REFUSED = new Set(["offer_inactive", "offer_full", "offer_other_community"]);

interface Values {
  category: NonNullable<OrderInput["category"]>;
  type: NonNullable<OrderInput["type"]>;
  title: string;
  description: string;
  address: string;
  requester_name: string;
  wanted: string;
  phone: string;
  code: string;
}

// The phone's own date and time picker (no calendar widget in this page's chunk); its wall time is the district's,
// whatever the browser's zone. A resident names when they would like it to start; the coordinator plans the rest.
const instant = (value: string) => (value ? districtTime(value).format() : null);

function CodeButton({ community, phone }: { community: number; phone: () => Promise<string | null> }) {
  const { t } = useI18n();
  const ask = useOrderCode(community);
  const wait = useWait();
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const send = async () => {
    const number = await phone();
    if (!number) return;
    setNote(null);
    ask.mutate(number, {
      onSuccess: () => setNote({ ok: true, text: t("orderCodeSent") }),
      onError: (error) => setNote({ ok: false, text: wait.explain(error) }),
    });
  };
  return (
    <>
      <Button size="large" onClick={() => void send()} loading={ask.isPending} disabled={wait.waiting}>
        {wait.waiting ? t("orderCodeAgain", { seconds: wait.seconds }) : t("orderCodeAsk")}
      </Button>
      {note && (
        <Alert
          type={note.ok ? "success" : "warning"}
          showIcon
          title={note.text}
          role={note.ok ? "status" : "alert"}
          style={{ marginTop: 8 }}
        />
      )}
    </>
  );
}

function Placed({ trackingNo, onAnother }: { trackingNo: string; onAnother: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    copyText(trackingNo).then(
      () => setCopied(t("orderCopied")),
      () => setCopied(t("orderCopyFailed")),
    );
  return (
    <Result
      status="success"
      title={t("orderDone")}
      subTitle={t("orderNumberKeep")}
      extra={
        <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
          <Typography.Text type="secondary">{t("orderNumber")}</Typography.Text>
          <Typography.Text
            strong
            style={{ fontSize: 32, letterSpacing: 4, fontFamily: "monospace" }}
            data-testid="tracking-no"
          >
            {trackingNo}
          </Typography.Text>
          <Space wrap style={{ justifyContent: "center" }}>
            <Button onClick={() => void copy()}>{t("orderCopy")}</Button>
            <Link to={`/track?tracking_no=${trackingNo}`}>{t("orderTrackLink")}</Link>
            <Button type="link" onClick={onAnother}>
              {t("orderAnother")}
            </Button>
          </Space>
          {copied && <Typography.Text role="status">{copied}</Typography.Text>}
        </Space>
      }
    />
  );
}

function OrderFormFields({ form: choices, onPlaced }: { form: OrderForm; onPlaced: (trackingNo: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const place = usePlaceOrder(choices.community);
  const wait = useWait();
  const [error, setError] = useState<string | null>(null);
  const phone = async () => {
    try {
      await form.validateFields(["phone"]);
    } catch {
      return null;
    }
    return String(form.getFieldValue("phone")).trim();
  };
  const menu = useOrderMenu(choices.community);
  const [offer, setOffer] = useState<MenuOffer | null>(null);
  const pick = (chosen: MenuOffer) => {
    setOffer(chosen);
    setError(null);
    form.setFields((["category", "type", "title"] as const).map((name) => ({ name, value: chosen[name], errors: [] })));
  };
  const unpick = () => {
    setOffer(null);
    form.resetFields(["category", "type", "title"]);
  };
  const submit = ({ wanted, category, type, title, ...values }: Values) => {
    setError(null);
    // From the menu the offer says what is ordered (the server takes its title, category and type).
    const what = offer ? { offer: offer.id } : { category, type, title };
    place.mutate(
      {
        ...what,
        ...values,
        phone: values.phone.trim(),
        code: values.code.trim(),
        wanted_start: instant(wanted),
        wanted_end: null,
      },
      {
        onSuccess: (placed) => onPlaced(placed.tracking_no),
        onError: (e) => {
          if (e instanceof ApiError && OFFER_REFUSED.has(e.code)) {
            unpick();
            void menu.refetch();
          }
          setError(e instanceof OrderWait ? wait.explain(e) : applyServerErrors(form, e, { wanted_start: "wanted" }));
        },
      },
    );
  };
  const options = (rows: OrderForm["categories"]) => rows.map((row) => ({ value: row.value, label: row.label }));
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      initialValues={{ description: "", address: "", requester_name: "", wanted: "", phone: "", code: "" }}
    >
      <Typography.Paragraph type="secondary">
        {t("orderIntro", { community: choices.community_name, subDistrict: choices.sub_district_name })}
      </Typography.Paragraph>
      {offer ? (
        <ChosenOffer offer={offer} choices={choices} onChange={unpick} />
      ) : (
        <OrderMenu offers={menu.data ?? []} choices={choices} onPick={pick} />
      )}
      <Form.Item name="category" label={t("orderCategory")} rules={[{ required: true, message: t("orderPick") }]}>
        <Select size="large" placeholder={t("orderPick")} options={options(choices.categories)} disabled={!!offer} />
      </Form.Item>
      <Form.Item name="type" label={t("orderType")} rules={[{ required: true, message: t("orderPick") }]}>
        <Select size="large" placeholder={t("orderPick")} options={options(choices.types)} disabled={!!offer} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("orderWhat")}
        rules={[{ required: true, whitespace: true, message: t("orderWhatRequired") }]}
      >
        <Input size="large" maxLength={128} disabled={!!offer} />
      </Form.Item>
      <Form.Item name="description" label={t("orderDetail")}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
      <Form.Item name="wanted" label={t("orderWanted")}>
        <Input type="datetime-local" size="large" />
      </Form.Item>
      <Form.Item name="address" label={t("orderAddress")}>
        <Input size="large" maxLength={200} />
      </Form.Item>
      <Form.Item name="requester_name" label={t("orderName")}>
        <Input size="large" maxLength={64} />
      </Form.Item>
      <PhoneItem />
      <Form.Item label={t("orderCode")} required>
        <Space.Compact style={{ width: "100%" }}>
          <Form.Item name="code" noStyle rules={[{ required: true, pattern: CODE, message: t("orderCodeInvalid") }]}>
            <Input
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              size="large"
              aria-label={t("orderCode")}
            />
          </Form.Item>
          <CodeButton community={choices.community} phone={phone} />
        </Space.Compact>
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t("orderPrivacy")}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" block size="large" loading={place.isPending} disabled={wait.waiting}>
        {t("orderSubmit")}
      </Button>
    </Form>
  );
}

export function OrderPage({ community, header }: { community: number; header?: ReactNode }) {
  const { t } = useI18n();
  const form = useOrderForm(community);
  const [placed, setPlaced] = useState<string | null>(null);
  let body: ReactNode;
  if (form.isLoading) body = <Loading />;
  else if (form.isError)
    body =
      form.error instanceof ApiError && form.error.status === 404 ? (
        <Alert type="warning" showIcon title={t("orderNoForm")} />
      ) : (
        <ErrorState error={form.error} onRetry={() => form.refetch()} />
      );
  else if (placed) body = <Placed trackingNo={placed} onAnother={() => setPlaced(null)} />;
  else if (form.data) body = <OrderFormFields form={form.data} onPlaced={setPlaced} />;
  return (
    <PublicFrame
      title={form.data ? `${t("orderTitle")} · ${form.data.community_name}` : t("orderTitle")}
      header={header}
    >
      {body}
    </PublicFrame>
  );
}
