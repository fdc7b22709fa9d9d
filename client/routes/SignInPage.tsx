/** Sign in, then continue where the user was going. */
import { useNavigate, useSearchParams } from "react-router-dom";
import { usePageTitle } from "../components/usePageTitle";
import { AuthForm } from "../features/auth/AuthForm";
import { safeNext } from "../features/auth/safeNext";

export function SignInPage() {
  usePageTitle("Sign in");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return <AuthForm mode="signin" onDone={() => navigate(safeNext(params.get("next")), { replace: true })} />;
}
