/** The marks a sheet prints for "not applicable / not held" (`－` and its look-alikes). */
const NOT_APPLICABLE = /^[－\-‐―ー−]$/;

export function isNotApplicable(printed: string): boolean {
  return NOT_APPLICABLE.test(printed.trim());
}
