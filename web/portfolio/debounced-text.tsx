import { TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { useEffect, useState } from "react";

/** A text filter that updates the URL once typing pauses, not on every key. */
export function DebouncedText({
  label,
  placeholder,
  value,
  w,
  onCommit,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  w: number;
  onCommit: (value: string) => void;
}) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  const commit = useDebouncedCallback((next: string) => onCommit(next.trim()), 300);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      size="xs"
      w={w}
      value={text}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") onCommit(text.trim());
      }}
    />
  );
}
