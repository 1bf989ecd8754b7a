import type { Random } from '../platform/clock.ts';
import { dayOf, firstDayOfMonth, formatDay, formatMonth, lastDayOfMonth, monthOfYear, yearOfMonth } from './calendar.ts';
import type { Course, GeneratorContext } from './generator-context.ts';
import { drawWage, money } from './wages.ts';
import { poisson } from './service-rows.ts';
import { WeightedPicker } from './weighted-picker.ts';

const yesNo = (b: boolean) => (b ? '是' : '否');
const SKILLS = ['电工', '焊工', '育婴员', '养老护理员', '中式烹调师', '保育师', '家政服务员', '电子商务师', '网络与信息安全管理员', '美容师', '汽车维修工', '收银员', '茶艺师', '健康管理师', '物流服务师'];
const PROVIDERS = ['职业技能培训学校', '就业训练中心', '职业培训学校', '技工学校', '职业技术学院培训部'];
const EDUCATION = new WeightedPicker(['junior', 'senior', 'college', 'bachelor', 'postgraduate'], [2, 3, 2.5, 2, 0.3]);

/** Training courses over the window (a few per thousand persons), sorted by start date. */
export function generateCourses(g: GeneratorContext, rng: Random): Course[] {
  const { frame } = g;
  const months = frame.asOfMonth - frame.firstMonth + 1;
  const n = Math.max(8, Math.round((frame.options.persons / 1000) * frame.params.services.coursesPerThousand * (months / 12)));
  const courses: (Course & { name: string; provider: string; subsidised: boolean; region: string })[] = [];
  for (let i = 0; i < n; i++) {
    const m = rng.int(frame.firstMonth, frame.asOfMonth);
    const start = frame.safeDay(dayOf(yearOfMonth(m), monthOfYear(m), rng.int(1, 28)));
    const end = start + rng.int(10, 60);
    const region = frame.districtPicker.pick(rng);
    const industry = rng.pick(['C', 'E', 'H', 'O', 'F', 'Q', 'I', 'G']);
    courses.push({
      id: '',
      start,
      end,
      occupation: frame.occupationPickers.get(industry)!.pick(rng),
      name: `${rng.pick(SKILLS)}${rng.pick(['初级', '中级', '高级', '']) }培训班`,
      provider: `${frame.city.name.replace(/市$/, '')}${rng.pick(['锦城', '蜀都', '天府', '西部', '金沙', '青城'])}${rng.pick(PROVIDERS)}`,
      subsidised: rng.chance(0.7),
      region,
    });
  }
  courses.sort((a, b) => a.start - b.start);
  courses.forEach((c, i) => {
    c.id = `PX${String(i + 1).padStart(8, '0')}`;
    const endCell = c.end < frame.asOfDay ? formatDay(c.end) : '';
    g.emitter.emit('training_course', [c.id, c.name, c.occupation, c.provider, formatDay(c.start), endCell, yesNo(c.subsidised), c.region]);
  });
  return courses.map(({ id, start, end, occupation }) => ({ id, start, end, occupation }));
}

/** Vacancies posted by open employers, more in booms, with wage ranges around the industry's wages. */
export function emitVacancies(g: GeneratorContext, rng: Random): void {
  const { frame, employers: t } = g;
  const perMonth = frame.params.services.vacanciesPerEmployerYear / 12;
  for (let e = 0; e < t.count; e++) {
    const r = rng.fork(`vacancies:${e}`);
    const sizeFactor = Math.min(20, Math.max(0.3, t.headcount[e] / 5));
    for (let m = frame.firstMonth; m <= frame.asOfMonth; m++) {
      const n = poisson(r, perMonth * sizeFactor * frame.cycle(m));
      for (let k = 0; k < n; k++) {
        const posted = frame.safeDay(r.int(firstDayOfMonth(m), Math.min(lastDayOfMonth(m), frame.asOfDay - 1)));
        if (posted < t.regDay[e] || posted >= t.deregDay[e]) continue;
        const closed = posted + r.int(20, 90);
        const wage = drawWage(frame, r, t.industry[e], t.wageFactor[e], 2, 30, yearOfMonth(m), false);
        g.emitter.emit('vacancy', [
          g.counters.next('GW', 10), t.code[e], frame.occupationPickers.get(t.industry[e])!.pick(r), String(1 + Math.floor(Math.exp(r.normal()))),
          money(Math.round(wage * 0.85)), money(Math.round(wage * 1.3)), EDUCATION.pick(r), formatDay(posted),
          closed < frame.asOfDay ? formatDay(closed) : '', t.region[e],
        ]);
      }
    }
  }
}

/** The statistics bureau's monthly CPI for the province and the city's registered unemployment rate. */
export function emitMacro(g: GeneratorContext, rng: Random): void {
  const { frame, stats } = g;
  const macro = frame.params.macro;
  const province = macro.cpiProvince ?? frame.city.province;
  let shock = 0;
  for (let m = frame.firstMonth - 12; m <= frame.asOfMonth; m++) {
    shock = 0.7 * shock + macro.cpiYoySd * 0.7 * rng.normal();
    const cpi = 100 + macro.cpiYoyMean + (frame.cycle(m) - 1) * 2 + shock;
    g.emitter.emit('macro_indicator', ['CPI', province, formatMonth(m), cpi.toFixed(1)]);
  }
  for (let m = frame.firstMonth; m <= frame.asOfMonth; m++) {
    const i = m - frame.firstMonth;
    const unemployed = stats.registeredUnemployed[i];
    const rate = unemployed + stats.contributors[i] > 0 ? (100 * unemployed) / (unemployed + stats.contributors[i]) : 0;
    g.emitter.emit('macro_indicator', ['REGISTERED_UNEMPLOYMENT_RATE', frame.city.code, formatMonth(m), rate.toFixed(2)]);
  }
}
