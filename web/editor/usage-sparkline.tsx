import "@mantine/charts/styles.css";
import { Sparkline } from "@mantine/charts";
import { useTranslation } from "react-i18next";
import { formatCount } from "../shared/format.ts";

/** The trend of active seats, oldest point first; loaded on demand (the charts library is large). */
export default function UsageSparkline({ trend }: { trend: number[] }) {
  const { t } = useTranslation();
  return (
    <Sparkline
      w={160}
      h={36}
      data={trend}
      curveType="linear"
      color="teal"
      fillOpacity={0.3}
      strokeWidth={1.5}
      role="img"
      aria-label={t("editor.usage.sparkline", {
        count: trend.length,
        values: trend.map(formatCount).join("; "),
      })}
    />
  );
}
