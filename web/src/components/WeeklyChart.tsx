// Bars of samples finished per week and a line of median turnaround, drawn by uPlot.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { WeekPoint } from '../lib/weekly';

export function WeeklyChart({ series }: { series: WeekPoint[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const data: uPlot.AlignedData = [
      series.map((p) => Date.parse(p.weekStart) / 1000),
      series.map((p) => p.completed),
      series.map((p) => p.medianTurnaroundDays),
    ];
    const bars = uPlot.paths.bars!({ size: [0.6, 60] });
    const plot = new uPlot({
      width: Math.max(320, el.clientWidth), height: 280,
      scales: { x: { time: true }, n: { auto: true }, d: { auto: true } },
      series: [
        {},
        { label: 'Finished', scale: 'n', stroke: '#2563eb', fill: 'rgba(37,99,235,0.35)', paths: bars },
        { label: 'Median turnaround (d)', scale: 'd', stroke: '#d97706', width: 2, spanGaps: true },
      ],
      axes: [{}, { scale: 'n', label: 'samples' }, { scale: 'd', side: 1, label: 'days', grid: { show: false } }],
    }, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 280 }));
    resize.observe(el);
    return () => { resize.disconnect(); plot.destroy(); };
  }, [series]);
  return <div ref={box} className="chart" role="img" aria-label="Samples finished and median turnaround per week" />;
}
