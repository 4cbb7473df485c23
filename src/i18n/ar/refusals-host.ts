// Arabic: refusals of host partners and shared venues (English in en/refusals-host.ts).
import type { HostRefusalWords } from "../en/refusals-host";

export const hostRefusals_ar: HostRefusalWords = {
  check_in_undo_closed: "سجلّ الحضور لهذه الجلسة مغلق، لذلك لا يمكن التراجع عن تسجيل الحضور هذا. اطلب من أحد المنسّقين تصحيحه.",
  check_in_undo_not_in: "هذا الشخص غير مسجَّل حضوره، فلا يوجد ما يمكن التراجع عنه.",
  register_not_started: "تبدأ الجلسة {when}: يمكن إغلاق سجلّ الحضور بعد أن تبدأ.",
  venue_taken: "«{event}» موجودة بالفعل في هذا المكان في {at}، والمكان لا يتّسع إلا لجلسة واحدة في الوقت نفسه. اختر وقتاً أو مكاناً آخر.",
  venue_taken_by: "المكان محجوز لـ«{event}» في {at}",
};
