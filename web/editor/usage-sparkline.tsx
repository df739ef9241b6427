import "@mantine/charts/styles.css";
import { Sparkline } from "@mantine/charts";

/** The trend of active seats, oldest point first; loaded on demand (the charts library is large). */
export default function UsageSparkline({ trend }: { trend: number[] }) {
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
      aria-label={`Active seats over the last ${trend.length} points: ${trend.join(", ")}`}
    />
  );
}
