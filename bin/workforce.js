#!/usr/bin/env node
"use strict";
// The command line runs the compiled core (npm's `prepare` builds dist/node on install).
const { main } = require("../dist/node/cli/main.js");
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
