import { describe, expect, it } from 'vitest';
import { ApiError } from '../app/api/client';
import { changedPaths, fieldErrorsOf, fieldOfPath } from './form-errors';

const FIELDS = ['items', 'roles', 'totalInvestment', 'content'];

describe('fieldOfPath', () => {
  it('maps a Form.List row path to the row field, never a raw path', () => {
    expect(fieldOfPath('items.0.bankReceiptNo', FIELDS)).toEqual(['items', 0, 'bankReceiptNo']);
    expect(fieldOfPath('items.12.receivedOn', FIELDS)).toEqual(['items', 12, 'receivedOn']);
    expect(fieldOfPath('roles.0', FIELDS)).toEqual(['roles']);
    expect(fieldOfPath('totalInvestmentFen', FIELDS, { totalInvestmentFen: 'totalInvestment' })).toEqual([
      'totalInvestment',
    ]);
    expect(fieldOfPath('unknown', FIELDS)).toBeNull();
  });

  it('renames a row field as it renames a top-level one', () => {
    expect(fieldOfPath('items.1.amountFen', FIELDS, { amountFen: 'amount' })).toEqual(['items', 1, 'amount']);
    expect(fieldOfPath('items.1.amountFen', FIELDS)).toEqual(['items', 1, 'amountFen']);
  });
});

describe('fieldErrorsOf', () => {
  const error = new ApiError(400, 'VALIDATION_FAILED', '输入有误，请检查标注的字段', [
    { path: 'items.0.bankReceiptNo', message: '请填写银行回单号' },
    { path: 'items.0.receivedOn', message: '请选择到账日期' },
    { path: 'content', message: '请填写诉求内容' },
    { path: 'elsewhere', message: 'x' },
  ]);

  it('puts each message at its field', () => {
    expect(fieldErrorsOf(error, FIELDS)).toEqual([
      { name: ['items', 0, 'bankReceiptNo'], errors: ['请填写银行回单号'] },
      { name: ['items', 0, 'receivedOn'], errors: ['请选择到账日期'] },
      { name: ['content'], errors: ['请填写诉求内容'] },
    ]);
  });

  it('puts a whole-error code at its field with the API sentence', () => {
    const taken = new ApiError(409, 'INVESTOR_EXISTS', '该统一社会信用代码的投资方已存在', [
      { path: 'content', message: 'INVESTOR_EXISTS' },
    ]);
    expect(fieldErrorsOf(taken, FIELDS, { INVESTOR_EXISTS: 'content' })).toEqual([
      { name: ['content'], errors: ['该统一社会信用代码的投资方已存在'] },
    ]);
  });

  it("says a detail that carries only the code with the API sentence, at the detail's field", () => {
    const late = new ApiError(400, 'DEADLINE_OUTSIDE_CAMPAIGN', '完成时限须在专项期限之内', [
      { path: 'items.1.receivedOn', message: 'DEADLINE_OUTSIDE_CAMPAIGN' },
    ]);
    // mapped to another field, the code still lands where the details put it, and only there
    expect(fieldErrorsOf(late, FIELDS, { DEADLINE_OUTSIDE_CAMPAIGN: 'content' })).toEqual([
      { name: ['items', 1, 'receivedOn'], errors: ['完成时限须在专项期限之内'] },
    ]);
    const noDetails = new ApiError(400, 'DEADLINE_OUTSIDE_CAMPAIGN', '完成时限须在专项期限之内');
    expect(fieldErrorsOf(noDetails, FIELDS, { DEADLINE_OUTSIDE_CAMPAIGN: 'content' })).toEqual([
      { name: ['content'], errors: ['完成时限须在专项期限之内'] },
    ]);
  });

  it('shows nothing at a field for an error that is not the API', () => {
    expect(fieldErrorsOf(new Error('boom'), FIELDS)).toEqual([]);
  });
});

describe('changedPaths', () => {
  it('names the fields a change touched, rows included', () => {
    expect(changedPaths({ content: 'x' })).toEqual([['content']]);
    expect(changedPaths({ items: [undefined, { bankReceiptNo: 'A1' }] })).toEqual([
      ['items'],
      ['items', 1],
      ['items', 1, 'bankReceiptNo'],
    ]);
  });
});
