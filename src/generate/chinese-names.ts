import type { Random } from '../platform/clock.ts';
import { WeightedPicker } from './weighted-picker.ts';

/**
 * Common surnames with their approximate share of the population (%, 2020 household-registration statistics,
 * rounded), and given-name characters by sex. Reference text, not policy: it only makes names look real.
 */
const SURNAMES: [string, number][] = [
  ['王', 7.1], ['李', 7.0], ['张', 6.8], ['刘', 5.4], ['陈', 4.6], ['杨', 3.1], ['黄', 2.2], ['赵', 2.0],
  ['吴', 2.0], ['周', 1.9], ['徐', 1.5], ['孙', 1.5], ['马', 1.2], ['朱', 1.2], ['胡', 1.1], ['郭', 1.1],
  ['何', 1.1], ['林', 1.0], ['罗', 1.0], ['高', 1.0], ['郑', 0.9], ['梁', 0.8], ['谢', 0.8], ['宋', 0.7],
  ['唐', 0.7], ['许', 0.7], ['韩', 0.7], ['邓', 0.7], ['冯', 0.7], ['曹', 0.6], ['彭', 0.6], ['曾', 0.6],
  ['肖', 0.6], ['田', 0.5], ['董', 0.5], ['潘', 0.5], ['袁', 0.5], ['蔡', 0.5], ['蒋', 0.5], ['余', 0.5],
  ['于', 0.5], ['杜', 0.5], ['叶', 0.5], ['程', 0.5], ['魏', 0.4], ['苏', 0.4], ['吕', 0.4], ['丁', 0.4],
  ['任', 0.4], ['卢', 0.4], ['姚', 0.4], ['沈', 0.4], ['钟', 0.4], ['姜', 0.4], ['崔', 0.4], ['谭', 0.4],
  ['陆', 0.3], ['范', 0.3], ['汪', 0.3], ['廖', 0.3], ['石', 0.3], ['金', 0.3], ['韦', 0.3], ['贾', 0.3],
  ['夏', 0.3], ['付', 0.3], ['方', 0.3], ['邹', 0.3], ['熊', 0.3], ['白', 0.3], ['孟', 0.3], ['秦', 0.3],
  ['邱', 0.3], ['侯', 0.3], ['江', 0.3], ['尹', 0.3], ['薛', 0.2], ['闫', 0.2], ['段', 0.2], ['雷', 0.2],
  ['龙', 0.2], ['黎', 0.2], ['史', 0.2], ['陶', 0.2], ['贺', 0.2], ['毛', 0.2], ['郝', 0.2], ['顾', 0.2],
  ['龚', 0.2], ['邵', 0.2], ['万', 0.2], ['覃', 0.2], ['武', 0.2], ['钱', 0.2], ['戴', 0.2], ['严', 0.2],
  ['欧阳', 0.05], ['司马', 0.02], ['上官', 0.01], ['诸葛', 0.01],
];

const MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欢阳建国峰亮成志勇轩宏文博晨毅昊然睿哲翔'.split('');
const FEMALE = '芳娜敏静丽艳娟霞秀玲桂英燕萍红琳雪梅婷慧莉倩颖佳悦欣怡晶瑶璐蕾洁琴兰月霏雯彤诗涵萱婧妍蓉'.split('');
const NEUTRAL = '子一思雨晓新天可嘉安佳梓家心若语明清乐辰星'.split('');

const surnamePicker = new WeightedPicker(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

/** A plausible name; sex '1' male, '2' female. */
export function makeChineseName(rng: Random, sex: '1' | '2'): string {
  const surname = surnamePicker.pick(rng);
  const own = sex === '1' ? MALE : FEMALE;
  const first = rng.chance(0.3) ? rng.pick(NEUTRAL) : rng.pick(own);
  if (rng.chance(0.25)) return surname + first;
  return surname + first + rng.pick(own);
}

const COMPANY_WORDS = '华信德恒泰盛兴隆鑫源博远宏达瑞丰天成锦城蜀都金沙青城峨眉天府新锐创联众合嘉禾川西'.split('');

/** A company-like name for an industry suffix, e.g. 成都锦城宏达建筑工程有限公司. */
export function makeEmployerName(rng: Random, cityName: string, suffix: string, individual: boolean): string {
  const word = () => rng.pick(COMPANY_WORDS) + rng.pick(COMPANY_WORDS);
  if (individual) return `${cityName.replace(/市$/, '')}市${word()}${suffix}${rng.pick(['店', '部', '坊', '行'])}`;
  const form = rng.pick(['有限公司', '有限责任公司', '股份有限公司']);
  return `${cityName.replace(/市$/, '')}${word()}${word()}${suffix}${form}`;
}
