/** Messages for the person using the pane (errors, warnings, confirmations), as Fluent message bars. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";

export interface Notice {
  id: string;
  intent: "error" | "warning" | "info" | "success";
  title: string;
  text: string;
}

const useStyles = makeStyles({
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginBlock: tokens.spacingVerticalS,
  },
  body: { overflowWrap: "anywhere" },
});

export function Notices(props: {
  notices: readonly Notice[];
  onDismiss?: (id: string) => void;
}): React.JSX.Element | null {
  const styles = useStyles();
  if (props.notices.length === 0) return null;
  return (
    <div className={styles.list}>
      {props.notices.map((n) => (
        <MessageBar
          key={n.id}
          intent={n.intent}
          layout="multiline"
          politeness={n.intent === "error" ? "assertive" : "polite"}
        >
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>{n.title}</MessageBarTitle> {n.text}
          </MessageBarBody>
          {props.onDismiss && (
            <MessageBarActions>
              <Button
                size="small"
                aria-label={`Dismiss: ${n.title}`}
                onClick={() => props.onDismiss?.(n.id)}
              >
                Dismiss
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </div>
  );
}
