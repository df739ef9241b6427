import { bulk } from "./en/bulk.ts";
import { common } from "./en/common.ts";
import { dashboards } from "./en/dashboards.ts";
import { editor } from "./en/editor.ts";
import { escalations } from "./en/escalations.ts";
import { feed } from "./en/feed.ts";
import { history } from "./en/history.ts";
import { myWork } from "./en/myWork.ts";
import { people } from "./en/people.ts";
import { playbook } from "./en/playbook.ts";
import { portfolio } from "./en/portfolio.ts";
import { quality } from "./en/quality.ts";
import { roadmap } from "./en/roadmap.ts";
import { shell } from "./en/shell.ts";
import { tenant } from "./en/tenant.ts";
import { users } from "./en/users.ts";
import { versions } from "./en/versions.ts";

/** The web app's English sentences: the source every other language translates key for key. */
export const en = {
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
