// A searchable, paged table over one list endpoint of the domain router: the read-only lists share it.
import { Input, Space, Table, Typography } from "antd";
import type { ColumnsType, ExpandableConfig, TableRowSelection } from "antd/es/table/interface";
import { useState, type ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import type { Page } from "@/lib/api";
import { useI18n } from "@/lib/i18n";
import { EmptyState, ErrorState } from "./PageState";

export interface ListParams {
  page: number;
  page_size: number;
  search?: string;
  [filter: string]: string | number | undefined;
}

export function SimpleList<T extends { id: number }>({
  title,
  useRows,
  columns,
  emptyText,
  extra,
  searchable = true,
  filters,
  rowSelection,
  expandable,
}: {
  title: string;
  useRows: (params: ListParams) => UseQueryResult<Page<T>>;
  columns: ColumnsType<T>;
  emptyText: string;
  extra?: ReactNode;
  searchable?: boolean;
  /** Extra query parameters chosen by the page (remount the list with a new `key` when they change). */
  filters?: Record<string, string | number | undefined>;
  /** Rows the page lets people tick (kept across pages). */
  rowSelection?: TableRowSelection<T>;
  /** What a row opens onto (its details, loaded when opened). */
  expandable?: ExpandableConfig<T>;
}) {
  const { t } = useI18n();
  const [params, setParams] = useState<ListParams>({ page: 1, page_size: 20 });
  const rows = useRows({ ...filters, ...params });
  return (
    <Space orientation="vertical" size="middle" style={{ width: "100%" }}>
      <Space wrap style={{ justifyContent: "space-between", width: "100%" }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Space wrap>
          {searchable && (
            <Input.Search
              allowClear
              placeholder={t("search")}
              onSearch={(search) => setParams({ ...params, page: 1, search })}
              style={{ width: 220 }}
            />
          )}
          {extra}
        </Space>
      </Space>
      {rows.isError ? (
        <ErrorState error={rows.error} onRetry={() => rows.refetch()} />
      ) : (
        <Table<T>
          rowKey="id"
          size="small"
          loading={rows.isLoading}
          dataSource={rows.data?.results}
          columns={columns}
          rowSelection={rowSelection ? { preserveSelectedRowKeys: true, ...rowSelection } : undefined}
          expandable={expandable}
          scroll={{ x: 720 }}
          locale={{ emptyText: <EmptyState text={emptyText} /> }}
          pagination={{
            current: params.page,
            pageSize: params.page_size,
            total: rows.data?.count,
            showTotal: (count) => t("total", { count }),
            onChange: (page, page_size) => setParams({ ...params, page, page_size }),
          }}
        />
      )}
    </Space>
  );
}
