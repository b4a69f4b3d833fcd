// 评单: the resident's rating of a completed need — a score of 1 to 5 and an optional comment, checked here first;
// then the server's field errors on their fields, and its refusal (rated already, not completed: 409) in an alert.
import { Alert, Form, Input, Modal, Rate } from "antd";
import { useState } from "react";
import { ApiError } from "@/lib/api";
import { applyServerErrors } from "@/lib/forms";
import { useI18n } from "@/lib/i18n";
import { useRateNeed, type NeedRating } from "../api/needs";

interface Values {
  score?: number;
  comment?: string;
}

export function RateNeedModal({
  need,
  onClose,
  onDone,
}: {
  need: { id: number; title: string };
  onClose: () => void;
  onDone: (rating: NeedRating) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const rate = useRateNeed();

  const submit = (values: Values) => {
    setError(null);
    rate.mutate(
      { id: need.id, score: values.score!, comment: (values.comment ?? "").trim() },
      {
        onSuccess: (rating) => onDone(rating),
        onError: (e) => {
          if (e instanceof ApiError && e.status === 409) {
            setError({ title: t("ratingConflict"), text: e.message });
            return;
          }
          const left = applyServerErrors(form, e);
          if (left) setError({ title: t("refused"), text: left });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t("rateNeedTitle", { title: need.title })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("rateOk")}
      cancelText={t("cancel")}
      confirmLoading={rate.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ score: 0, comment: "" }}
        data-testid="rating-form"
      >
        <Form.Item
          name="score"
          label={t("ratingScore")}
          rules={[
            {
              validator: (_, value: number | undefined) =>
                Number.isInteger(value) && value! >= 1 && value! <= 5
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("ratingScoreRequired"))),
            },
          ]}
        >
          <Rate allowClear aria-label={t("ratingScore")} />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("ratingComment")}
          extra={t("ratingCommentHelp")}
          rules={[{ max: 2000, message: t("ratingCommentLong") }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error.title} description={error.text} role="alert" />}
      </Form>
    </Modal>
  );
}
