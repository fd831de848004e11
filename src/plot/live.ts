/**
 * The plot webviews alive in this window: at most one panel and one side-bar view. Shared by
 * plotPanel.ts and plotView.ts, and read by the test-only state command.
 */
import type { PlotController } from './controller';

export const live: { panel: PlotController | undefined; view: PlotController | undefined } = {
  panel: undefined,
  view: undefined,
};
