import type { Translation } from "./catalogue.ts";
import { bulk } from "./de/bulk.ts";
import { common } from "./de/common.ts";
import { dashboards } from "./de/dashboards.ts";
import { editor } from "./de/editor.ts";
import { escalations } from "./de/escalations.ts";
import { feed } from "./de/feed.ts";
import { history } from "./de/history.ts";
import { myWork } from "./de/myWork.ts";
import { people } from "./de/people.ts";
import { playbook } from "./de/playbook.ts";
import { portfolio } from "./de/portfolio.ts";
import { quality } from "./de/quality.ts";
import { roadmap } from "./de/roadmap.ts";
import { shell } from "./de/shell.ts";
import { tenant } from "./de/tenant.ts";
import { users } from "./de/users.ts";
import { versions } from "./de/versions.ts";
import type { en } from "./en.ts";

/** The web app's German sentences; the type makes a missing key a compile error, the test a failing one. */
export const de: Translation<typeof en> = {
  bulk,
  common,
  dashboards,
  editor,
  escalations,
  feed,
  history,
  myWork,
  people,
  playbook,
  portfolio,
  quality,
  roadmap,
  shell,
  tenant,
  users,
  versions,
};
