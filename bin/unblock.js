#!/usr/bin/env node
// The CLI runs the TypeScript sources directly through tsx's loader, so a fresh
// clone needs no compile step before `npm start` or `unblock ...`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
