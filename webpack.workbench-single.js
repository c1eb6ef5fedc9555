/**
 * The workbench as one self-contained file (npm run build:workbench:single):
 * dist-workbench/workforce-workbench.html holds the script (ExcelJS, the .xlsx adapter and the
 * census reader included, not loaded later), the style sheet and the sample, under a policy that
 * allows only those by hash. It opens from disk (file://) or from any web server, offline.
 */
"use strict";

const path = require("node:path");
const webpack = require("webpack");
const workbench = require("./webpack.workbench.js");
const { SingleFileHtmlPlugin } = require("./scripts/single-file-html.js");

const FILENAME = "workforce-workbench.html";

module.exports = (env = {}, argv = {}) => {
  const served = workbench(env, argv);
  return {
    ...served,
    devtool: false,
    entry: { "workforce-workbench": "./src/workbench/single-file.tsx" },
    // The served build's folder, which keeps this file when it is cleaned (and vice versa).
    output: { ...served.output, publicPath: "", clean: false },
    module: {
      rules: [
        ...served.module.rules,
        // `import x from "file?base64"`: the file's bytes as base64 text (the sample).
        {
          resourceQuery: /^\?base64$/,
          type: "asset/inline",
          generator: { dataUrl: (content) => content.toString("base64") },
        },
      ],
    },
    plugins: [
      // One chunk: what the served page loads later (ExcelJS, the .xlsx adapter) is inlined too.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new SingleFileHtmlPlugin({
        template: path.resolve(__dirname, "src/workbench/workbench.html"),
        css: path.resolve(__dirname, "src/workbench/workbench.css"),
        filename: FILENAME,
      }),
    ],
  };
};

module.exports.FILENAME = FILENAME;
