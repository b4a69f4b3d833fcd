// A resident's order (点单) without an account: the community's public form and service menu (服务菜单), the SMS code
// that confirms the phone, the order filed (a tracking number back; bound to an offer when ordered from the menu), its status by number and phone, and the rating once it is done.
// Every call is public (no session); a 429 carries the seconds to wait (Retry-After).
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiClient, ApiError, unwrap, type Schema } from "@/lib/api";

export type OrderForm = Schema<"OrderForm">;
export type MenuOffer = Schema<"OrderMenuOffer">;
export type OrderInput = Schema<"OrderCreateInputRequest">;
export type OrderStatus = Schema<"OrderStatus">;
export type OrderLookup = Schema<"OrderTrackInputRequest">;
export type OrderRating = Schema<"OrderRateInputRequest">;

/** A 429 with the seconds the server asks to wait (0 when it names none). */
export class OrderWait extends ApiError {
  constructor(
    error: ApiError,
    readonly seconds: number,
  ) {
    super(error.status, error.message, error.code, error.fields);
  }
}

/** The answer's data, or its refusal: a 429 as OrderWait with Retry-After's seconds. */
async function answered<D>(request: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let wait = 0;
  const seen = request.then((answer) => {
    if (answer.response.status === 429) wait = Number(answer.response.headers.get("Retry-After")) || 0;
    return answer;
  });
  try {
    return await unwrap(seen);
  } catch (error) {
    throw error instanceof ApiError && error.status === 429 ? new OrderWait(error, wait) : error;
  }
}

export function useOrderForm(community: number) {
  return useQuery({
    queryKey: ["order-form", community],
    queryFn: () =>
      unwrap(apiClient.GET("/api/public/communities/{id}/order-form/", { params: { path: { id: community } } })),
    staleTime: 600_000,
  });
}

/** The community's service menu: its active offers, public fields only (a full one takes no order for now). */
export function useOrderMenu(community: number) {
  return useQuery({
    queryKey: ["order-menu", community],
    queryFn: () =>
      unwrap(apiClient.GET("/api/public/communities/{id}/order-form/menu/", { params: { path: { id: community } } })),
    staleTime: 60_000,
  });
}

/** Send the code that confirms the order from this phone (202). */
export function useOrderCode(community: number) {
  return useMutation({
    mutationFn: (phone: string) =>
      answered(
        apiClient.POST("/api/public/communities/{id}/order-form/request-code/", {
          params: { path: { id: community } },
          body: { phone },
        }),
      ),
  });
}

/** File the order with the code of the SMS: its tracking number. */
export function usePlaceOrder(community: number) {
  return useMutation({
    mutationFn: (body: OrderInput) =>
      answered(
        apiClient.POST("/api/public/communities/{id}/order-form/orders/", {
          params: { path: { id: community } },
          body,
        }),
      ),
  });
}

/** The order's status (404 alike for an unknown number and a phone that is not its own). */
export function useTrackOrder() {
  return useMutation({
    mutationFn: (body: OrderLookup) => answered(apiClient.POST("/api/public/orders/track/", { body })),
  });
}

/** Rate the completed order (评单), once. */
export function useRateOrder() {
  return useMutation({
    mutationFn: (body: OrderRating) => answered(apiClient.POST("/api/public/orders/rate/", { body })),
  });
}

/** The community's printable order poster (a PDF the browser opens with the session's cookie). */
export function orderPosterUrl(community: number): string {
  return `/api/ordering/communities/${community}/poster/`;
}
