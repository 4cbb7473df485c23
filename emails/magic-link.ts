import type { Locale } from "../src/db/schema";
import { layout } from "./layout";
import type { EmailTemplate } from "./index";

const TEXT: Record<Locale, { subject: string; heading: string; intro: string; button: string; expiry: string; ignore: string }> = {
  en: {
    subject: "Your Open Door sign-in link",
    heading: "Sign in to Open Door",
    intro: "Tap the button to sign in.",
    button: "Sign in",
    expiry: "The link works once and stops working after 15 minutes.",
    ignore: "If you did not ask for this, you can ignore this email.",
  },
  pl: {
    subject: "Twój link do logowania w Open Door",
    heading: "Zaloguj się do Open Door",
    intro: "Kliknij przycisk, aby się zalogować.",
    button: "Zaloguj się",
    expiry: "Link działa jeden raz i wygasa po 15 minutach.",
    ignore: "Jeśli to nie Ty, zignoruj tę wiadomość.",
  },
  ro: {
    subject: "Linkul tău de conectare Open Door",
    heading: "Conectează-te la Open Door",
    intro: "Apasă butonul ca să te conectezi.",
    button: "Conectare",
    expiry: "Linkul merge o singură dată și expiră după 15 minute.",
    ignore: "Dacă nu ai cerut asta, poți ignora acest email.",
  },
  uk: {
    subject: "Ваше посилання для входу в Open Door",
    heading: "Увійти в Open Door",
    intro: "Натисніть кнопку, щоб увійти.",
    button: "Увійти",
    expiry: "Посилання працює один раз і діє 15 хвилин.",
    ignore: "Якщо ви цього не просили, просто ігноруйте цей лист.",
  },
  ar: {
    subject: "رابط تسجيل الدخول إلى Open Door",
    heading: "سجّل الدخول إلى Open Door",
    intro: "اضغط على الزر لتسجيل الدخول.",
    button: "تسجيل الدخول",
    expiry: "يعمل الرابط مرة واحدة وينتهي بعد 15 دقيقة.",
    ignore: "إذا لم تطلب هذا، تجاهل هذه الرسالة.",
  },
};

/** payload: { url } — the sign-in link carrying the one-time token. */
export const magicLink: EmailTemplate = async ({ locale, payload }) => {
  const t = TEXT[locale] ?? TEXT.en;
  const url = String(payload.url);
  return {
    subject: t.subject,
    ...layout(locale, t.heading, [{ p: t.intro }, { link: { label: t.button, href: url } }, { p: t.expiry }, { p: t.ignore }]),
  };
};
