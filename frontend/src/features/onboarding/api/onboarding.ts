// Getting in without a password yet: an invitation (by its link's token, or the phone number and the SMS code)
// looked up and accepted; one-time SMS codes asked for, to sign in or to set a new password.
import { useMutation, useQuery } from "@tanstack/react-query";
import { apiClient, ApiError, unwrap, type Schema } from "@/lib/api";

export type Invitation = Schema<"InvitationOutput">;
export type InvitationKey = Schema<"InvitationInputRequest">;
export type Me = Schema<"Me">;
export type CodePurpose = Schema<"PurposeEnum">;
export type PrivacyNotice = Schema<"PrivacyNoticeOutput">;

/** The privacy notice's version and the installation's operator and contact (public). */
export function usePrivacyNotice() {
  return useQuery({
    queryKey: ["privacy-notice"],
    queryFn: () => unwrap(apiClient.GET("/api/auth/privacy-notice/")),
    staleTime: Infinity,
  });
}

/** Whose invitation this is (400 `invitation_invalid`: unknown, used, replaced or expired). */
export function useInvitationLookup() {
  return useMutation({
    mutationFn: (key: InvitationKey) => unwrap(apiClient.POST("/api/auth/invitation/", { body: key })),
  });
}

export interface AcceptInput {
  key: InvitationKey;
  username: string;
  password: string;
  confirm_phone: string;
  privacy_accepted: boolean;
}

/** Open the invitation (a password, the phone confirmed, the privacy notice accepted), then sign in with the new
 * password: the invitation activates the account, the sign-in (with its CSRF check) makes the session. */
export function useAcceptInvitation() {
  return useMutation({
    mutationFn: async ({ key, username, password, confirm_phone, privacy_accepted }: AcceptInput): Promise<Me> => {
      await unwrap(
        apiClient.POST("/api/auth/invitation/accept/", { body: { ...key, password, confirm_phone, privacy_accepted } }),
      );
      return unwrap(apiClient.POST("/api/auth/login/", { body: { username, password } }));
    },
  });
}

/** A refusal of 429 with the seconds the server asks to wait (Retry-After). */
export class TooManyCodes extends ApiError {
  readonly seconds: number;

  constructor(error: ApiError, seconds: number) {
    super(error.status, error.message, error.code, error.fields);
    this.seconds = seconds;
  }
}

/** Send a one-time code to the number (202 whether or not an account holds it; 429 with Retry-After). */
export function useRequestCode() {
  return useMutation({
    mutationFn: async (body: { phone: string; purpose: CodePurpose }) => {
      let wait = 0;
      const request = apiClient.POST("/api/auth/phone-code/", { body }).then((answer) => {
        if (answer.response.status === 429) wait = Number(answer.response.headers.get("Retry-After")) || 0;
        return answer;
      });
      try {
        await unwrap(request);
      } catch (error) {
        throw error instanceof ApiError && wait > 0 ? new TooManyCodes(error, wait) : error;
      }
    },
  });
}

/** Sign in with the number and the code of the SMS (a session, as the password sign-in). */
export function useCodeLogin() {
  return useMutation({
    mutationFn: (body: { phone: string; code: string }) => unwrap(apiClient.POST("/api/auth/code-login/", { body })),
  });
}

/** A new password with the code of a reset SMS (204); the person then signs in with it. */
export function usePasswordReset() {
  return useMutation({
    mutationFn: (body: { phone: string; code: string; password: string }) =>
      unwrap(apiClient.POST("/api/auth/password-reset/", { body })),
  });
}
