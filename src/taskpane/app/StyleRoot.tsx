/**
 * Fluent's theme and style renderer, set up to work under the page's Content-Security-Policy,
 * and the live region that reads message bars out to screen readers.
 */
import {
  AriaLiveAnnouncer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
} from "@fluentui/react-components";
import * as React from "react";
import { applyThemeVariables, createCspSafeRenderer } from "./csp-styles";

export function StyleRoot(props: {
  children: React.ReactNode;
  targetDocument?: Document;
}): React.JSX.Element {
  const targetDocument = props.targetDocument ?? document;
  const renderer = React.useMemo(() => createCspSafeRenderer(targetDocument), [targetDocument]);
  // Before the first paint, so nothing shows without its colours.
  React.useInsertionEffect(() => {
    applyThemeVariables(targetDocument.documentElement, webLightTheme);
  }, [targetDocument]);
  return (
    <RendererProvider renderer={renderer} targetDocument={targetDocument}>
      <FluentProvider theme={webLightTheme} targetDocument={targetDocument}>
        <AriaLiveAnnouncer>{props.children}</AriaLiveAnnouncer>
      </FluentProvider>
    </RendererProvider>
  );
}
