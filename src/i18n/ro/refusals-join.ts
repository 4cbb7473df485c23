// Romanian: refusals of joining and your details (English in en/refusals-join.ts). Needs a native speaker's review.
import type { JoinRefusalWords } from "../en/refusals-join";

export const joinRefusals_ro: JoinRefusalWords = {
  join_parent_email_needed: "Pentru că ai sub {age} ani, un părinte sau îngrijitor trebuie să îți confirme contul. Scrie adresa lui de e-mail.",
  join_parent_link_unusable: "Acest link de confirmare a fost deja folosit sau nu este corect. Dacă contul este deja confirmat, nu mai trebuie făcut nimic.",
  profile_email_link_unusable: "Acest link pentru schimbarea adresei de e-mail a fost deja folosit sau a expirat. Cere unul nou pe pagina cu datele tale.",
  profile_email_taken: "Această adresă de e-mail aparține deja altui cont Open Door, așa că nu am putut muta contul tău pe ea.",
  profile_dob_young_people_only: "Doar conturile tinerilor au o dată de naștere.",
  no_such_age_flag: "Nu găsim această rezervare semnalată.",
};
