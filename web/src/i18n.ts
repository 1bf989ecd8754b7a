import { ref, watch } from 'vue';

export type Lang = 'zh' | 'en';

const STORAGE_KEY = 'renshe.lang';

function initialLang(): Lang {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

/** The console language; Chinese unless the user chose English (remembered per browser). */
export const lang = ref<Lang>(initialLang());

watch(lang, (value) => {
  localStorage.setItem(STORAGE_KEY, value);
  document.documentElement.lang = value === 'zh' ? 'zh-CN' : 'en';
}, { immediate: true });

/** Picks the text for the current language; reading `lang` inside makes every caller re-render on a switch. */
export function t(zh: string, en: string): string {
  return lang.value === 'zh' ? zh : en;
}

/** The other language's text, shown small beside the main label ("Chinese first, English secondary"). */
export function tAlt(zh: string, en: string): string {
  return lang.value === 'zh' ? en : zh;
}

export function setLang(value: Lang): void {
  lang.value = value;
}
