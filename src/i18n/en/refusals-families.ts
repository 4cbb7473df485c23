// English wording of household booking's refusals (features/bookings/household.ts). Spread into
// refusalsEn (problems.ts). `as const`: see problems.ts.

export const familyRefusalsEn = {
  household_families_only: "This activity is not marked for families, so places are booked one person at a time.",
  household_session_full: "Sorry, this session is full. Please choose another date.",
  household_seats_short: "Only {seatsLeft} places are left and your household needs {wanted}. Try fewer places or another date.",
} as const;

export type FamilyRefusalWords = Partial<Record<keyof typeof familyRefusalsEn, string>>;
