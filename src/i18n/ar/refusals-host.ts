// Arabic: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_ar: HostRefusalWords = {
  venue_taken: "«{event}» موجودة بالفعل في هذا المكان في {at}، والمكان لا يتّسع إلا لجلسة واحدة في الوقت نفسه. اختر وقتاً أو مكاناً آخر.",
  venue_taken_by: "المكان محجوز لـ«{event}» في {at}",
};
