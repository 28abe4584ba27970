#!/usr/bin/env node
import { processIo } from "./cli-io";
import { runCli } from "./main";

// The `paylinks` command: everything happens in runCli.
void runCli(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
