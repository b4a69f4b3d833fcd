// The district administrator's accounts (用户与权限): the list with its filters, create with a role and its scope
// (the server sends the invitation), disable, enable, reset a login; and the scopes a role may be given.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ListParams } from "@/components/SimpleList";
import { allPages, apiClient, unwrap, type Schema } from "@/lib/api";

export type Account = Schema<"User">;
export type AccountInput = Schema<"UserRequest">;
export type AccountRole = Schema<"RoleEnum">;

/** The roles this page creates; volunteers come through their profile (the server refuses them here). */
export const CREATABLE_ROLES = ["subdistrict_coordinator", "community_coordinator", "unit_representative"] as const;
export type CreatableRole = (typeof CREATABLE_ROLES)[number];

/** The one scope field each role needs (a copy of backend accounts/services.py SCOPE_FIELDS). */
export const SCOPE_FIELD: Record<CreatableRole, "sub_district" | "community" | "unit"> = {
  subdistrict_coordinator: "sub_district",
  community_coordinator: "community",
  unit_representative: "unit",
};

export function useAccounts(params: ListParams) {
  return useQuery({
    queryKey: ["users", params],
    queryFn: () => unwrap(apiClient.GET("/api/users/", { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountInput) => unwrap(apiClient.POST("/api/users/", { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export type AccountAction = "disable" | "enable" | "reset-login";

/** Disable, enable again, or reset the login (the password stops working and a new invitation goes out). */
export function useAccountAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: AccountAction }) => {
      const init = { params: { path: { id } } };
      if (action === "disable") return unwrap(apiClient.POST("/api/users/{id}/disable/", init));
      if (action === "enable") return unwrap(apiClient.POST("/api/users/{id}/enable/", init));
      return unwrap(apiClient.POST("/api/users/{id}/reset-login/", init));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ["users"] }),
  });
}

export interface ScopeOption {
  value: number;
  label: string;
}

/** The places a role's scope may name: sub-districts, communities or units, by name. */
export function useScopeOptions(field: "sub_district" | "community" | "unit" | undefined) {
  return useQuery({
    queryKey: ["users", "scopes", field],
    enabled: !!field,
    staleTime: 600_000,
    queryFn: async (): Promise<ScopeOption[]> => {
      const rows: { id: number; name: string }[] =
        field === "sub_district"
          ? await allPages((page) => unwrap(apiClient.GET("/api/sub-districts/", { params: { query: page } })))
          : field === "community"
            ? await allPages((page) => unwrap(apiClient.GET("/api/communities/", { params: { query: page } })))
            : await allPages((page) => unwrap(apiClient.GET("/api/units/", { params: { query: page } })));
      return rows.map((row) => ({ value: row.id, label: row.name }));
    },
  });
}
