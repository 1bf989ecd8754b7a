import { arimaModel } from './arima-model.ts';
import { autoModel } from './auto-model.ts';
import { driftModel, naiveModel, seasonalNaiveModel } from './baseline-models.ts';
import { comboModel } from './combo-model.ts';
import { dampedModel, etsModel, holtModel, holtWintersModel, sesModel } from './ets-models.ts';
import type { Forecaster } from './forecast-types.ts';
import { thetaModel } from './theta-model.ts';
import { AppError } from '../platform/errors.ts';

/** Every model by its CLI name. */
export const forecasters: Record<string, Forecaster> = {
  auto: autoModel,
  ets: etsModel,
  theta: thetaModel,
  arima: arimaModel,
  combo: comboModel,
  snaive: seasonalNaiveModel,
  naive: naiveModel,
  drift: driftModel,
  ses: sesModel,
  holt: holtModel,
  damped: dampedModel,
  hw: holtWintersModel,
};

export const modelNames = Object.keys(forecasters);

export function forecasterNamed(name: string): Forecaster {
  const f = forecasters[name];
  if (f) return f;
  throw new AppError('INPUT_INVALID', {
    zh: `未知的预测模型「${name}」：可选 ${modelNames.join('、')}。`,
    en: `Unknown forecasting model "${name}": choose one of ${modelNames.join(', ')}.`,
  });
}
