// Word banks for the rendered pages. Languages are limited to scripts the machine has fonts for
// (DejaVu: Latin, Cyrillic, Greek, Arabic, Hebrew, Georgian, Armenian; no CJK or Indic fonts are
// installed, so those would render as boxes and are left out).

const BANKS = {
  en: { dir: 'ltr', words: 'the of and to in is for on with that this we our new how data time people update release report team open source city market year project week design study build free today help home music game video photo news world life best first more about local school'.split(' ') },
  de: { dir: 'ltr', words: 'der die das und ist nicht mit für auf ein eine wir neue Zeit Stadt Bericht heute Woche Daten Menschen Projekt Arbeit schnell gut Frage Antwort Leben Spiel Musik über noch auch schon immer'.split(' ') },
  fr: { dir: 'ltr', words: 'le la les et est pas avec pour sur une nous nouveau temps ville rapport aujourd’hui semaine données gens projet travail rapide bien question réponse vie jeu musique très encore déjà toujours été'.split(' ') },
  es: { dir: 'ltr', words: 'el la los y es no con para en una nosotros nuevo tiempo ciudad informe hoy semana datos gente proyecto trabajo rápido bien pregunta respuesta vida juego música muy todavía ya siempre año'.split(' ') },
  ru: { dir: 'ltr', words: 'и в не на что это мы новый время город отчёт сегодня неделя данные люди проект работа быстро хорошо вопрос ответ жизнь игра музыка очень ещё уже всегда год команда'.split(' ') },
  uk: { dir: 'ltr', words: 'і в не на що це ми новий час місто звіт сьогодні тиждень дані люди проєкт робота швидко добре питання відповідь життя гра музика дуже ще вже завжди рік'.split(' ') },
  el: { dir: 'ltr', words: 'και το η ο είναι δεν με για στο μια εμείς νέο χρόνος πόλη αναφορά σήμερα εβδομάδα δεδομένα άνθρωποι έργο δουλειά γρήγορα καλά ερώτηση απάντηση ζωή παιχνίδι μουσική πολύ'.split(' ') },
  ar: { dir: 'rtl', words: 'في من على إلى هذا نحن جديد وقت مدينة تقرير اليوم أسبوع بيانات الناس مشروع عمل سريع جيد سؤال جواب حياة لعبة موسيقى جدا دائما سنة فريق'.split(' ') },
  he: { dir: 'rtl', words: 'של את על עם זה אנחנו חדש זמן עיר דוח היום שבוע נתונים אנשים פרויקט עבודה מהר טוב שאלה תשובה חיים משחק מוזיקה מאוד עוד כבר תמיד שנה'.split(' ') },
  ka: { dir: 'ltr', words: 'და არის არა ერთად ახალი დრო ქალაქი ანგარიში დღეს კვირა მონაცემები ხალხი პროექტი სამუშაო სწრაფად კარგად კითხვა პასუხი ცხოვრება თამაში მუსიკა ძალიან'.split(' ') },
  hy: { dir: 'ltr', words: 'և է ոչ հետ նոր ժամանակ քաղաք հաշվետվություն այսօր շաբաթ տվյալներ մարդիկ նախագիծ աշխատանք արագ լավ հարց պատասխան կյանք խաղ երաժշտություն շատ'.split(' ') },
  tr: { dir: 'ltr', words: 've bir bu için ile değil yeni zaman şehir rapor bugün hafta veri insanlar proje iş hızlı iyi soru cevap hayat oyun müzik çok daha şimdi her yıl'.split(' ') },
  vi: { dir: 'ltr', words: 'và của là không với cho một mới thời gian thành phố báo cáo hôm nay tuần dữ liệu người dự án công việc nhanh tốt câu hỏi trả lời cuộc sống trò chơi âm nhạc rất'.split(' ') },
};

const FIRST = 'Alex Sam Maria Jonas Priya Chen Olga Ahmed Lena Tom Nadia Diego Yuki Ana Omar Kate Ivan Sofia Ben Amir Eva Luca Nina Raj Hana Paul Zoe Emil Ines Mark'.split(' ');
const LAST = 'Smith Müller Rossi Kowalski Ivanova Haddad Cohen Garcia Nguyen Silva Brown Novak Petrov Dubois Jensen Kim Lopez Weber Martin Clark'.split(' ');

export const LANGS = Object.keys(BANKS);

/** A language for a page: mostly English, as feeds are, with the others spread over the rest. */
export const pickLang = (g) => (g.chance(0.45) ? 'en' : g.pick(LANGS));

export const dirOf = (lang) => BANKS[lang].dir;

export function words(g, lang, n) {
  const bank = BANKS[lang].words;
  return Array.from({ length: n }, () => g.pick(bank)).join(' ');
}

// Georgian capitals (Mtavruli, Unicode 11) are not in DejaVu and would draw as boxes: left lower case.
const cap = (s) => (/^[\u10d0-\u10ff]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1));

export function sentence(g, lang, lo = 6, hi = 16) {
  return cap(words(g, lang, g.int(lo, hi))) + g.pick(['.', '.', '.', '!', '?']);
}

export function paragraph(g, lang, lo = 2, hi = 5) {
  return Array.from({ length: g.int(lo, hi) }, () => sentence(g, lang)).join(' ');
}

export const title = (g, lang, lo = 3, hi = 8) => cap(words(g, lang, g.int(lo, hi)));

export const personName = (g) => `${g.pick(FIRST)} ${g.pick(LAST)}`;

export const handle = (g) => `@${g.pick(FIRST).toLowerCase()}${g.chance(0.5) ? '_' : ''}${g.pick(LAST).toLowerCase().replace(/[^a-z]/g, '')}${g.chance(0.5) ? g.int(1, 999) : ''}`;

export const escapeHtml = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
