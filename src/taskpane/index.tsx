/** Renders the pane into a page element (the bootstrap calls this once Office is ready). */
import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { App } from "./app/App";
import type { AppProps } from "./app/types";

export function renderPane(container: HTMLElement, props: AppProps): Root {
  const root = createRoot(container);
  root.render(<App {...props} />);
  return root;
}
