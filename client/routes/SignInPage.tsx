/** Sign in, then continue where the user was going. */
import { useNavigate, useSearchParams } from "react-router-dom";
import { usePageTitle } from "../components/usePageTitle";
import { AuthForm } from "../features/auth/AuthForm";
import { safeNext } from "../features/auth/safeNext";

export function SignInPage() {
  usePageTitle("Sign in");
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  return <AuthForm mode="signin" next={next} onDone={() => navigate(safeNext(next), { replace: true })} />;
}
