import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartCard, FilterButton, type DataRow } from "./ChartCard";
import { AXIS_TICK, ChartTooltip } from "./ChartTooltip";

export interface RankedItem {
  key: string;
  value: number;
  /** Extra table columns after the value (e.g. "2 of 8"). */
  extra?: string[];
}

export interface RankedChartProps {
  id: string;
  title: string;
  description: string;
  valueName: string;
  items: readonly RankedItem[];
  format: (value: number) => string;
  /** Upper end of the value axis (e.g. 1 for rates); the largest value otherwise. */
  max?: number;
  colour: string;
  extraColumns?: string[];
  empty: string;
  /** What a click on an item's bar does, and how that is said to assistive tech. */
  onSelect: (key: string) => void;
  selectLabel: (key: string) => string;
}

const ROW_PX = 26;

/** Horizontal bars, largest first; a click on a bar narrows the page to that item. */
export function RankedChart({
  id,
  title,
  description,
  valueName,
  items,
  format,
  max,
  colour,
  extraColumns = [],
  empty,
  onSelect,
  selectLabel,
}: RankedChartProps) {
  const data = items.map((i) => ({ key: i.key, value: i.value }));
  const rows: DataRow[] = items.map((i) => ({
    key: i.key,
    cells: [
      <FilterButton key="k" label={selectLabel(i.key)} onClick={() => onSelect(i.key)}>
        {i.key}
      </FilterButton>,
      format(i.value),
      ...(i.extra ?? []),
    ],
  }));
  return (
    <ChartCard
      id={id}
      title={title}
      description={description}
      columns={["", valueName, ...extraColumns]}
      rows={rows}
      empty={empty}
    >
      <ResponsiveContainer width="100%" height={Math.max(ROW_PX * 2, ROW_PX * data.length) + 24}>
        <BarChart
          layout="vertical"
          data={data}
          margin={{ top: 0, right: 48, bottom: 0, left: 0 }}
          accessibilityLayer={false}
        >
          <XAxis type="number" domain={[0, max ?? "dataMax"]} hide />
          <YAxis type="category" dataKey="key" width={150} tick={AXIS_TICK} stroke="var(--color-border)" interval={0} />
          <Tooltip
            cursor={{ fill: "var(--color-raised)" }}
            isAnimationActive={false}
            content={<ChartTooltip format={format} />}
          />
          <Bar
            dataKey="value"
            name={valueName}
            fill={colour}
            barSize={14}
            minPointSize={2}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_, index) => onSelect(data[index].key)}
          >
            <LabelList
              dataKey="value"
              position="right"
              formatter={(v: unknown) => (typeof v === "number" ? format(v) : "")}
              fill="var(--color-text)"
              fontSize={11}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
