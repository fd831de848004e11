import * as assert from 'node:assert/strict';
import { activations } from '../../../src/core';
import { evaluationReport, evaluationReportOf } from '../../../src/hover/valuesModel';
import { numberHoverAt } from '../../../src/hover/numberHoverModel';
import { literalOptionsFor } from '../../../src/text/languages';
import { literalAt } from '../../../src/text/scanner';

describe('evaluation document', () => {
  it('a quoted grouped number under the cursor evaluates as one value, 1234.5, as the hover reads it', () => {
    const line = 'a,"1,234.5",b';
    const column = line.indexOf('234');
    const lit = literalAt(line, column, literalOptionsFor('csv'));
    assert.equal(lit?.value, 1234.5);
    assert.match(numberHoverAt(line, column, 'csv', { functions: ['gelu'], maxValues: 64 })?.markdown ?? '', /x = 1234\.5/);
    const report = evaluationReportOf([lit as NonNullable<typeof lit>], 1, true, ['gelu'], 'data.csv, line 1');
    assert.ok(typeof report !== 'string');
    assert.deepEqual(report.xs, [1234.5]);
    assert.match(report.markdown, /^# GELU Lab: evaluation of 1 value\n/);
    // Scanning the literal's text again splits it: the defect this path avoids.
    const rescanned = evaluationReport((lit as NonNullable<typeof lit>).text, 'csv', ['gelu'], 'x');
    assert.ok(typeof rescanned !== 'string');
    assert.notDeepEqual(rescanned.xs, [1234.5]);
  });

  it('"Evaluate at x" writes the same table as Evaluate Selection for its x', () => {
    const typed = evaluationReportOf([{ text: '0.5', value: 0.5 }], 1, true, ['gelu', 'gelu_tanh'], 'Evaluate at x');
    const selected = evaluationReport('0.5', 'plaintext', ['gelu', 'gelu_tanh'], 'Evaluate at x');
    assert.ok(typeof typed !== 'string' && typeof selected !== 'string');
    assert.equal(typed.markdown, selected.markdown);
    assert.ok(typed.markdown.includes(String(activations.gelu.f(0.5))));
    assert.equal(evaluationReportOf([{ text: '1', value: 1 }], 1, true, [], 's'), 'No functions are configured (setting geluLab.hover.functions).');
  });
});
