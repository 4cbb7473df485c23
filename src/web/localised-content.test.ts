// Content shown in another language than the page's is marked with lang (and dir when the
// direction differs), so screen readers read it with the right voice (WCAG 3.1.2): English
// standing in for a missing translation on Polish and Arabic pages, and Arabic someone wrote
// on an English page. The demo data has both: activities, a venue and a mentor written in all
// five languages, others in English only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { youSaidWeDid } from "../db/schema";
import { COORDINATOR, type Harness } from "../../test/support/harness";
import { cookieFor, page, seededHarness } from "./staff/test-support";

let h: Harness;
let young: string;
let coordinator: string;
beforeAll(async () => {
  h = await seededHarness();
  young = await cookieFor(h, "aisha@example.com");
  coordinator = await cookieFor(h, COORDINATOR);
  await h.db.insert(youSaidWeDid).values({ id: "ysw_ar", eventId: "evt_cv", youSaid: "كان من الصعب السماع في الخلف.", weDid: "نستخدم الآن حلقة السمع وميكروفونًا.", locale: "ar" });
});
afterAll(() => h.close());

const html = async (path: string, cookie?: string) => {
  const res = await page(h, path, cookie);
  expect(res.status, path).toBe(200);
  return res.text();
};
const EN = 'lang="en" dir="ltr"';

describe("English standing in for a translation", () => {
  it.each(["pl", "ar"])("is marked lang=\"en\" on a %s page: event text, venue directions, mentor bios, directory services", async (locale) => {
    const event = await html(`/events/evt_cv?lang=${locale}`);
    expect(event).toContain(`<span ${EN}>Write your first CV</span>`);
    expect(event).toContain(`<p ${EN}>Bring what you have (or nothing at all). Leave with a one-page CV.</p>`);
    expect(event).toContain(`<p ${EN}>Buses 5, 12 and 40 stop outside (Library Square). Riverside station is a 6-minute flat walk.</p>`);
    const mentoring = await html(`/mentoring?lang=${locale}`, young);
    expect(mentoring).toContain(`<p ${EN}>Started as an apprentice at 17.`);
    const service = await html(`/directory/services/dsv_fridge?lang=${locale}`);
    if (locale === "ar") expect(service).toContain(`<span ${EN}>Community fridge at St Mark&#39;s</span>`);
    else expect(service).toContain("Lodówka społeczna przy St Mark");
  });

  it("is not marked where the page's own language is written: the translated activity, venue and mentor", async () => {
    const event = await html("/events/evt_stories?lang=pl");
    expect(event).toContain("<span>Opowieści w Oak House</span>");
    expect(event).toContain("<p>Autobus 12 do Oak Lane (2 minuty pieszo).</p>");
    expect(event).toContain("<p>Zadzwoń dzwonkiem przy głównych drzwiach; personel wpisze cię na listę gości.</p>");
    expect(event).not.toContain(EN + ">Bus 12");
    const arabic = await html("/events/evt_trades?lang=ar");
    expect(arabic).toContain("<span>جرّب مهنة: البناء بالطوب والنجارة</span>");
    expect(arabic).toContain("<p>حذاء مغلق وملابس لا تمانع أن يعلق بها الغبار.</p>");
    const mentoring = await html("/mentoring?lang=ar", young);
    expect(mentoring).toContain("<p>ممرضة في جناح الأطفال.");
  });

  it("is marked on the staff pages too: the coordinator's list of activities in Arabic", async () => {
    const list = await html("/coordinator?lang=ar", coordinator);
    expect(list).toContain(`<span ${EN}>Write your first CV</span>`);
    expect(list).toContain("<span>جرّب مهنة: البناء بالطوب والنجارة</span>");
  });
});

describe("Arabic on an English page", () => {
  it("is marked lang=\"ar\" dir=\"rtl\": a you-said-we-did note written in Arabic", async () => {
    const event = await html("/events/evt_cv?lang=en");
    expect(event).toMatch(/lang="ar" dir="rtl">كان من الصعب السماع في الخلف\./);
    const notes = await html("/you-said-we-did?lang=en");
    expect(notes).toContain('<p lang="ar" dir="rtl">نستخدم الآن حلقة السمع وميكروفونًا.</p>');
  });
});
