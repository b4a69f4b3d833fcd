// The footer of the signed-in frame: the platform's version (one number, backend/config/version.py).
import { Layout } from "antd";
import { useVersion } from "@/features/auth/api/session";

export function VersionFooter({ phone }: { phone: boolean }) {
  const version = useVersion();
  if (!version) return null;
  return (
    <Layout.Footer
      data-testid="version"
      // above the phone's fixed bottom bar
      style={{ textAlign: "center", padding: "8px 12px", marginBottom: phone ? 64 : 0, color: "#8c8c8c", fontSize: 12 }}
    >
      v{version}
    </Layout.Footer>
  );
}
