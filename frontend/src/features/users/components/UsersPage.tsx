// 用户与权限 (the district administrator's page): every account with its role, scope and state (active, activated
// from its invitation); create a coordinator or unit representative, disable / enable, reset a login.
import { App, Button, Popconfirm, Select, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useMemo, useState } from "react";
import { SimpleList } from "@/components/SimpleList";
import { ApiError } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { enumLabel, useI18n } from "@/lib/i18n";
import { useSession } from "@/lib/session";
import { useAccountAction, useAccounts, useScopeOptions, type Account, type AccountAction } from "../api/users";
import { AccountForm } from "./AccountForm";

const ROLES = ["admin", "subdistrict_coordinator", "community_coordinator", "unit_representative", "volunteer"];
type Filters = { role?: string; is_active?: string; activated?: string };

/** Names of the places accounts are scoped to (the list carries their ids). */
function useScopeNames() {
  const subDistricts = useScopeOptions("sub_district");
  const communities = useScopeOptions("community");
  const units = useScopeOptions("unit");
  return useMemo(() => {
    const names = (rows?: { value: number; label: string }[]) =>
      new Map((rows ?? []).map((row) => [row.value, row.label]));
    const maps = {
      sub_district: names(subDistricts.data),
      community: names(communities.data),
      unit: names(units.data),
    };
    return (account: Account) => {
      for (const field of ["sub_district", "community", "unit"] as const) {
        const id = account[field];
        if (id !== null && id !== undefined) return maps[field].get(id) ?? `#${id}`;
      }
      return "";
    };
  }, [subDistricts.data, communities.data, units.data]);
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useSession();
  const { message, modal } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const set = (name: keyof Filters) => (value: string | undefined) => setFilters({ ...filters, [name]: value });
  const [creating, setCreating] = useState(false);
  const act = useAccountAction();
  const scopeOf = useScopeNames();

  const run = (
    account: Account,
    action: AccountAction,
    done: "accountDisabled" | "accountEnabled" | "accountLoginReset",
  ) =>
    act.mutate(
      { id: account.id, action },
      {
        onSuccess: () => void message.success(t(done, { name: account.display_name })),
        onError: (e) =>
          void modal.error({
            title: t("accountActionRefused"),
            content: e instanceof ApiError ? e.message : String(e),
          }),
      },
    );

  return (
    <>
      <SimpleList<Account>
        key={JSON.stringify(filters)}
        title={t("menuUsers")}
        useRows={useAccounts}
        filters={filters}
        emptyText={t("accountsEmpty")}
        extra={
          <Space wrap>
            <Select
              allowClear
              placeholder={t("accountRole")}
              style={{ width: 150 }}
              value={filters.role}
              onChange={set("role")}
              options={ROLES.map((value) => ({ value, label: enumLabel(t, "role", value) }))}
            />
            <Select
              allowClear
              placeholder={t("accountActive")}
              style={{ width: 110 }}
              value={filters.is_active}
              onChange={set("is_active")}
              options={[
                { value: "true", label: t("accountActiveYes") },
                { value: "false", label: t("accountActiveNo") },
              ]}
            />
            <Select
              allowClear
              placeholder={t("accountActivated")}
              style={{ width: 110 }}
              value={filters.activated}
              onChange={set("activated")}
              options={[
                { value: "true", label: t("accountActivatedYes") },
                { value: "false", label: t("accountActivatedNo") },
              ]}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t("accountCreate")}
            </Button>
          </Space>
        }
        columns={[
          { title: t("accountName"), dataIndex: "display_name" },
          { title: t("accountUsername"), key: "loginName", render: (_, row) => row.username },
          { title: t("accountRole"), dataIndex: "role", render: (role: string) => enumLabel(t, "role", role) },
          { title: t("scope"), key: "scope", render: (_, row) => scopeOf(row) },
          { title: t("phone"), dataIndex: "phone" },
          {
            title: t("status"),
            key: "state",
            render: (_, row) => (
              <Space size={4} wrap>
                {row.is_active ? <Tag color="green">{t("accountActiveYes")}</Tag> : <Tag>{t("accountActiveNo")}</Tag>}
                {row.activated ? (
                  <Tag color="blue" title={formatDateTime(row.activated_at)}>
                    {t("accountActivatedYes")}
                  </Tag>
                ) : (
                  <Tag color="orange">{t("accountActivatedNo")}</Tag>
                )}
              </Space>
            ),
          },
          {
            title: t("actions"),
            key: "actions",
            render: (_, row) =>
              row.id === me.id ? null : (
                <Space size={4} wrap>
                  {row.is_active ? (
                    <Popconfirm
                      title={t("accountDisableConfirm", { name: row.display_name })}
                      okText={t("confirm")}
                      cancelText={t("cancel")}
                      onConfirm={() => run(row, "disable", "accountDisabled")}
                    >
                      <Button size="small" danger>
                        {t("accountDisable")}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" onClick={() => run(row, "enable", "accountEnabled")}>
                      {t("accountEnable")}
                    </Button>
                  )}
                  {row.is_active && (
                    <Popconfirm
                      title={t("accountResetConfirm", { name: row.display_name })}
                      okText={t("confirm")}
                      cancelText={t("cancel")}
                      onConfirm={() => run(row, "reset-login", "accountLoginReset")}
                    >
                      <Button size="small">{t("accountReset")}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {creating && (
        <AccountForm
          onClose={() => setCreating(false)}
          onDone={(account) => {
            setCreating(false);
            message.success(t("accountCreated", { name: account.display_name }));
          }}
        />
      )}
    </>
  );
}
