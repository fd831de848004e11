/** Every command id of the extension; a unit test diffs this against package.json. */
export const CommandId = {
  openPlot: 'geluLab.openPlot',
  plotAtX: 'geluLab.plotAtX',
  evaluate: 'geluLab.evaluate',
  evaluateSelection: 'geluLab.evaluateSelection',
  insertSnippet: 'geluLab.insertSnippet',
  copyValues: 'geluLab.copyValues',
  copyEvaluationMarkdown: 'geluLab.copyEvaluationMarkdown',
  copyEvaluationCsv: 'geluLab.copyEvaluationCsv',
  showLog: 'geluLab.showLog',
  compareModelActivations: 'geluLab.compareModelActivations',
  compareImplementations: 'geluLab.compareImplementations',
  listOnnxActivations: 'geluLab.listOnnxActivations',
} as const;

export type CommandId = (typeof CommandId)[keyof typeof CommandId];

/** Ids of the webview panel type and the side-bar view. */
export const ViewId = {
  plotPanel: 'geluLab.plot',
  plotView: 'geluLab.plotView',
  onnxActivations: 'geluLab.onnxActivations',
} as const;
