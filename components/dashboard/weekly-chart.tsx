'use client';
// Decisions per week (bars) and the backlog at each week's end (line), drawn with Recharts. The
// same numbers are in the table next to it (WeeklyTable), which screen readers and keyboard users
// read; the chart itself is an image with a summary for them.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export type TWeekPoint = { week: string; decided: number; submitted: number; backlog: number };

export function WeeklyChart({ points, summary }: { points: TWeekPoint[]; summary: string }) {
  return (
    <figure role="img" aria-label={summary} className="h-72 w-full min-w-0" data-testid="weekly-chart">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="week" tick={{ fontSize: 12, fill: '#475569' }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#475569' }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="decided" name="Decisions" fill="#4f46e5" radius={[3, 3, 0, 0]} isAnimationActive={false} />
          <Line
            dataKey="backlog"
            name="Backlog at week’s end"
            stroke="#b45309"
            strokeWidth={2}
            strokeDasharray="6 3"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
