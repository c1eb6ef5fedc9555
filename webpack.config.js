/**
 * The Excel add-in bundle, for Office's shared runtime: the custom functions, the ribbon commands
 * and the task pane all run in ONE page (taskpane.html), which loads every chunk.
 *
 *   npm run build       production bundle in dist/ (no certificates, no network)
 *   npm run build:dev   development bundle
 *   npm run dev-server  https://localhost:3000 with Office's development certificates
 *
 * dist/node/ belongs to the command line (tsc -p tsconfig.cli.json) and is kept when cleaning.
 *
 * For a deployment, set ADDIN_BASE_URL (e.g. https://addins.example.gov.uk/workforce/): the build
 * stops with one line if it is not https, lacks the trailing slash or names this machine, and
 * otherwise puts every URL in dist/manifest.xml and every helpUrl in dist/functions.json under
 * it (scripts/deployment.js). Without it, they stay https://localhost:3000/ for `npm start`.
 * Either way dist/ also gets help.html (generated from functions.json's metadata by
 * scripts/function-docs.js, as the README's reference is) and the hosting configuration that
 * IIS and Azure Static Web Apps read from the site's folder (deploy/; see docs/deploy.md).
 */
"use strict";

const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");
const { checkBaseUrl, deploymentFunctions, deploymentManifest } = require("./scripts/deployment");
const { helpPage } = require("./scripts/function-docs");
const { version } = require("./package.json");

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

const DEV_PORT = 3000;

/** ADDIN_BASE_URL checked; undefined for a development build. A wrong one ends the build here. */
function deploymentBaseUrl() {
  const raw = process.env.ADDIN_BASE_URL;
  if (raw === undefined || raw.trim() === "") return undefined;
  try {
    return checkBaseUrl(raw);
  } catch (err) {
    console.error(`build: ${err.message}`);
    process.exit(1);
  }
}

/**
 * Sets each function's helpUrl in functions.json (which CustomFunctionsMetadataPlugin adds when
 * the compilation starts) and writes help.html from that same metadata.
 */
class HelpPagePlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "HelpPagePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin has reported why
          const metadata = deploymentFunctions(asset.source.source().toString(), {
            baseUrl: this.baseUrl,
          });
          compilation.updateAsset(
            "functions.json",
            new webpack.sources.RawSource(JSON.stringify(metadata, null, 4))
          );
          compilation.emitAsset(
            "help.html",
            new webpack.sources.RawSource(helpPage(metadata, { version }))
          );
        }
      );
    });
  }
}

/** Office's trusted development certificate; only needed (and only created) for `webpack serve`. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { ca, key, cert };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "development" ? "development" : "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = deploymentBaseUrl();

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
      new HelpPagePlugin(baseUrl),
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
          { from: "src/help/help.css", to: "help.css" },
          // Read from the site's folder by IIS and by Azure Static Web Apps (nginx's is included
          // from its own configuration: deploy/nginx.conf).
          { from: "deploy/web.config", to: "web.config" },
          { from: "deploy/staticwebapp.config.json", to: "staticwebapp.config.json" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform(content) {
              return deploymentManifest(content.toString(), { baseUrl, version });
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
