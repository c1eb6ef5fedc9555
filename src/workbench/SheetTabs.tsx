/**
 * The sheet tabs, as the ARIA tabs pattern: a tablist whose tabs each control the one tabpanel
 * (the sheet shown). One tab is in the Tab order (the selected one); the arrow keys move between
 * tabs and show each sheet as they go, Home and End go to the first and last.
 */
import * as React from "react";

export const tabId = (i: number) => `sheet-tab-${i}`;
export const PANEL_ID = "sheet-panel";

export function SheetTabs(props: {
  names: readonly string[];
  active: number;
  onSelect: (index: number) => void;
  children: React.ReactNode;
}): React.JSX.Element {
  const { names, active, onSelect } = props;
  const tabs = React.useRef<(HTMLButtonElement | null)[]>([]);
  const go = (i: number) => {
    const next = (i + names.length) % names.length;
    onSelect(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      Home: 0,
      End: names.length - 1,
    };
    if (!(e.key in moves) || names.length === 0) return;
    e.preventDefault();
    go(moves[e.key]);
  };
  return (
    <>
      <div role="tablist" aria-label="Sheets" className="tabs" onKeyDown={onKeyDown}>
        {names.map((name, i) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            id={tabId(i)}
            role="tab"
            type="button"
            aria-selected={i === active}
            aria-controls={PANEL_ID}
            tabIndex={i === active ? 0 : -1}
            onClick={() => onSelect(i)}
          >
            {name}
          </button>
        ))}
      </div>
      {names.length > 0 && (
        <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabId(active)} className="panel">
          {props.children}
        </div>
      )}
    </>
  );
}
