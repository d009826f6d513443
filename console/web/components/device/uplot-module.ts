// uPlot with its stylesheet, as one lazily loaded chunk: health-chart.tsx imports this module only
// when a chart is first drawn, and vite emits the stylesheet with the chunk.
import 'uplot/dist/uPlot.min.css';

export { default } from 'uplot';
