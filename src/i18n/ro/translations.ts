import type { translationsEn } from "../en/translations";

export const translationsRo: Partial<Record<keyof typeof translationsEn, string>> = {
  trOptional: "(opțional)",
  trSummary: "În poloneză, română, ucraineană și arabă (opțional)",
  trHint: "Dacă lași o căsuță goală, cei care citesc în această limbă văd textul în engleză, marcat ca engleză pentru cititoarele de ecran.",
  trTitle: "Titlu",
  trDescription: "Descriere",
  trWhatToBring: "Ce să aduci",
  trWhatToBringEn: "Ce să aduci (în engleză, opțional)",
  trErrWhatToBring: "Scrie și în engleză ce să aducă sau lasă goale toate limbile",
  trErrTooLong: "Textul este prea lung: scurtează-l",
  trTransportEn: "Cum ajungi cu autobuzul, trenul sau pe jos (în engleză)",
  trDirections: "Cum intri (ce ușă, ce etaj, pe cine întrebi)",
  trDirectionsEn: "Cum intri (în engleză, opțional)",
  trFindingWayIn: "Cum intri",
  trBioEn: "Despre mentor (în engleză, opțional)",
  trBio: "Despre mentor",
  trErrEnglishToo: "Scrie și în engleză sau lasă goale toate limbile",
};
