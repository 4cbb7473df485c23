// Joining and the doors people meet (issue #14, part 1): the sign-up page, the parent's
// confirmation of an under-13's account, the profile page and the error pages a browser
// reaches. English is complete and defines the keys; all start with "join" or "err".
export const joinEn = {
  errBadRequestTitle: "We could not read that",
  errNotAllowedTitle: "That cannot be done here",
  errTooLargeTitle: "That was too much to send",
  errTooManyTitle: "Please wait a moment",
  errTooManyBody: "You have tried this too many times in a short while. Please wait {seconds} seconds, then try again.",
  errFaultTitle: "Something went wrong",
  errProblemTitle: "We could not do that",
  errGoHome: "Go to the home page",
  errGoBack: "Back to the form",
};
