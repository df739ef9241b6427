import { useEffect, useState } from "react";
import { useMyWork } from "../api/queries.ts";
import { navigate, useLocation } from "../router/router.ts";
import { useCan } from "../users/permissions.ts";

/** Whether this page load has settled on its first page: only the first arrival at "/" may move on. */
let landed = false;

/**
 * My work is the default page of a person with work: the first arrival at
 * "/" (opening the app, or signing in) moves to /my-work when the person has
 * assignments or owns a status. Admins and readers with nothing of their own
 * stay on the portfolio, and so does anyone who follows a link to "/" later.
 * True while the answer is awaited, so the portfolio does not flash first.
 */
export function useLandingPage(): boolean {
  const { pathname, search } = useLocation();
  const mayRead = useCan()("tenants.read");
  const [deciding, setDeciding] = useState(() => !landed && pathname === "/" && search === "");
  const work = useMyWork(1, deciding && mayRead);
  useEffect(() => {
    if (!deciding || !mayRead) {
      landed = true;
      if (deciding) setDeciding(false);
      return;
    }
    if (work.isPending) return;
    landed = true;
    if (work.data && (work.data.assignments > 0 || work.data.counts.total > 0)) {
      navigate("/my-work", { replace: true });
    }
    setDeciding(false);
  }, [deciding, mayRead, work.isPending, work.data]);
  // Signing out unmounts the routes: whoever signs in next arrives afresh.
  useEffect(
    () => () => {
      landed = false;
    },
    [],
  );
  return deciding;
}
