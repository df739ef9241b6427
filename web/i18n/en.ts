import { common } from "./en/common.ts";
import { editor } from "./en/editor.ts";
import { myWork } from "./en/myWork.ts";
import { portfolio } from "./en/portfolio.ts";
import { quality } from "./en/quality.ts";
import { shell } from "./en/shell.ts";
import { tenant } from "./en/tenant.ts";
import { users } from "./en/users.ts";

/** The web app's English sentences: the source every other language translates key for key. */
export const en = { common, editor, myWork, portfolio, quality, shell, tenant, users };
