// The app: sign-in when signed out; otherwise the frame and the routes of the signed-in role (SignedIn.tsx, from
// the route table). Each of them is its own chunk, so the first page loads only what it shows.
import { Suspense } from "react";
import { BrowserRouter, useMatch, useNavigate } from "react-router";
import { ErrorState, Loading } from "@/components/PageState";
import { useMe, useSignedIn } from "@/features/auth/api/session";
import { SHARED } from "@/lib/i18n";
import { LanguageSwitch } from "./LanguageSwitch";
import { lazyPage } from "./lazyPage";
import { Providers } from "./providers";

const LoginPage = lazyPage("auth", () => import("@/features/auth/components/LoginPage"), "LoginPage");
const SignedIn = lazyPage(SHARED, () => import("./SignedIn"), "SignedIn");
const BallotPage = lazyPage("evaluation", () => import("@/features/evaluation/components/BallotPage"), "BallotPage");
const InvitationPage = lazyPage(
  "onboarding",
  () => import("@/features/onboarding/components/InvitationPage"),
  "InvitationPage",
);
const PrivacyPage = lazyPage("onboarding", () => import("@/features/onboarding/components/PrivacyPage"), "PrivacyPage");
const PhoneSignIn = lazyPage("onboarding", () => import("@/features/onboarding/components/PhoneSignIn"), "PhoneSignIn");
const OrderPage = lazyPage("ordering", () => import("@/features/ordering/components/OrderPage"), "OrderPage");
const TrackPage = lazyPage("ordering", () => import("@/features/ordering/components/TrackPage"), "TrackPage");

function Gate() {
  // The democratic appraisal's ballot is public (a representative's one-time code, no account), signed in or not.
  const ballot = useMatch("/appraisal/:code");
  // An invitation (the SMS's or the printed sheet's link, accounts.services.invitation_link) is opened signed in or
  // not: the person it names sets a password and is signed in as them.
  const invitationLink = useMatch("/activate/:token");
  const invitationByCode = useMatch("/activate");
  // The privacy notice is public too: the invitation links to it, before anybody has an account.
  const privacy = useMatch("/privacy");
  // Residents order (点单) and follow their orders without an account: the poster's QR code opens /order/<id>.
  const order = useMatch("/order/:communityId");
  const tracking = useMatch("/track");
  const me = useMe();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  if (ballot) return <BallotPage code={ballot.params.code} header={<LanguageSwitch />} />;
  if (privacy) return <PrivacyPage header={<LanguageSwitch />} />;
  if (order && /^\d+$/.test(order.params.communityId ?? ""))
    return <OrderPage community={Number(order.params.communityId)} header={<LanguageSwitch />} />;
  if (tracking) return <TrackPage header={<LanguageSwitch />} />;
  if (invitationLink || invitationByCode) {
    const activated = (who: Parameters<typeof signedIn>[0]) => {
      signedIn(who);
      void navigate("/", { replace: true });
    };
    return <InvitationPage token={invitationLink?.params.token} header={<LanguageSwitch />} onSignedIn={activated} />;
  }
  if (me.isLoading) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />;
  if (!me.data) {
    return (
      <LoginPage
        onLanguage={<LanguageSwitch />}
        // Sign-in by SMS code and 忘记密码: their own chunk, loaded when chosen.
        otherWays={(mode, back) => <PhoneSignIn mode={mode} onBack={back} onSignedIn={signedIn} />}
      />
    );
  }
  return <SignedIn me={me.data} />;
}

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Gate />
        </Suspense>
      </BrowserRouter>
    </Providers>
  );
}
