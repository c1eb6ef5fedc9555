/**
 * The Excel add-in bundle, for Office's shared runtime: the custom functions, the ribbon commands
 * and the task pane all run in ONE page (taskpane.html), which loads every chunk.
 *
 *   npm run build       production bundle in dist/ (no certificates, no network)
 *   npm run build:dev   development bundle
 *   npm run dev-server  https://localhost:3000 with Office's development certificates
 *
 * dist/node/ belongs to the command line (tsc -p tsconfig.cli.json) and is kept when cleaning.
 * Set ADDIN_BASE_URL (e.g. https://addins.example.gov.uk/workforce/) to rewrite
 * https://localhost:3000/ in dist/manifest.xml for a deployment.
 */
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** TypeScript through ts-loader (type checking is `npm run typecheck`'s job); the workbench uses it too. */
const TYPESCRIPT_RULE = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    options: {
      transpileOnly: true,
      configFile: path.resolve(__dirname, "tsconfig.json"),
      compilerOptions: { noEmit: false },
    },
  },
};

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

/** Office's trusted development certificate; only needed (and only created) for `webpack serve`. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = process.env.ADDIN_BASE_URL;

  const config = {
    mode,
    context: __dirname,
    // Never "eval" source maps: the page's Content-Security-Policy forbids eval.
    devtool: "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
      taskpane: "./src/taskpane/taskpane.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: { keep: /^node[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: { rules: [TYPESCRIPT_RULE] },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page hosts the functions, the commands and the task pane.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
        inject: "body",
        scriptLoading: "blocking",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return baseUrl ? content.toString().split(DEV_URL).join(baseUrl) : content;
            },
          },
        ],
      }),
    ],
    performance: {
      // The functions bundle carries the whole measure engine; Office loads it once.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1024 * 1024,
    },
  };

  if (serving) {
    config.devServer = {
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await httpsOptions() },
      static: false,
      client: { overlay: false },
    };
  }

  return config;
};

module.exports.TYPESCRIPT_RULE = TYPESCRIPT_RULE;
