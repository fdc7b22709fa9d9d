/** What the fan reads beside a category when its pick was not saved. */
import { ApiError } from "../../../api/client";
import { errorText } from "../../../components/QueryState";

/** The server's lock message already names the category, so it is shown as is. */
export function pickErrorMessage(error: unknown, categoryName: string): string {
  if (error instanceof ApiError && error.code === "category_locked") return error.message;
  if (error instanceof ApiError && error.status === 401) {
    return `Your ${categoryName} pick wasn't saved: you've been signed out. Sign in again to keep picking.`;
  }
  return `Your ${categoryName} pick wasn't saved: ${errorText(error)}`;
}
