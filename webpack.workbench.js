/**
 * The browser workbench (npm run demo): the real task pane on an .xlsx file in the page, with
 * no Office and no network. ExcelJS and the .xlsx adapter load only when a workbook is opened.
 */
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { TYPESCRIPT_RULE } = require("./webpack.config.js");

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode === "development" ? "development" : "production",
  context: __dirname,
  devtool: "source-map",
  entry: { workbench: "./src/workbench/index.tsx" },
  output: {
    path: path.resolve(__dirname, "dist-workbench"),
    filename: "[name].js",
    chunkFilename: "[name].[contenthash:8].js",
    // The single-file build (webpack.workbench-single.js) writes here too.
    clean: { keep: /^workforce-workbench\.html$/ },
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [TYPESCRIPT_RULE] },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "index.html",
      template: "./src/workbench/workbench.html",
      chunks: ["workbench"],
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "src/workbench/workbench.css", to: "workbench.css" },
        { from: "examples/sample-staff.xlsx", to: "sample-staff.xlsx" },
      ],
    }),
  ],
  performance: { hints: false },
});
