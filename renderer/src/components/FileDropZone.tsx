import { Paper, type PaperProps } from '@mantine/core';
import { useRef, useState, type ReactNode } from 'react';

interface Props extends PaperProps {
  /** What the zone is called for screen readers (it acts as a button that opens the file picker). */
  label: string;
  /** The hidden file input's label and test id. */
  inputLabel: string;
  inputTestId?: string;
  testId?: string;
  accept: string;
  multiple?: boolean;
  /** The files dropped on the zone or picked through it; `dropped` says which (a picker already filtered by `accept`). */
  onFiles(files: File[], dropped: boolean): void;
  children: ReactNode;
}

/** A dashed area to drop files on, or to click (Enter, Space) for the file picker; highlighted while a file is over it. */
export function FileDropZone({ label, inputLabel, inputTestId, testId, accept, multiple, onFiles, children, style, ...paper }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <Paper
      withBorder
      radius="lg"
      {...paper}
      role="button"
      tabIndex={0}
      aria-label={label}
      data-testid={testId}
      onClick={() => input.current?.click()}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') input.current?.click();
      }}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        onFiles([...event.dataTransfer.files], true);
      }}
      style={{ borderStyle: 'dashed', cursor: 'pointer', background: dragging ? 'var(--mantine-color-blue-light)' : undefined, ...(typeof style === 'object' ? style : {}) }}
    >
      {children}
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        aria-label={inputLabel}
        data-testid={inputTestId}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = '';
          onFiles(files, false);
        }}
      />
    </Paper>
  );
}
