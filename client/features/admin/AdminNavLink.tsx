/** The header's Admin link, shown to admins only (the server refuses everyone else anyway). */
import { NavLink } from "react-router-dom";
import { useMe } from "../../api/me";

export function AdminNavLink() {
  const me = useMe();
  if (!me.data?.isAdmin) return null;
  return (
    <li>
      <NavLink to="/admin">Admin</NavLink>
    </li>
  );
}
