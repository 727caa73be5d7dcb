// Which provisioner daemon may take which job, by Coder's rule. Both sides' tags are first normalised
// the way coderd stores them: `scope` defaults to "organization" (with an empty `owner`), and a
// user-scoped set is owned by its user. Then a daemon can take a job when the job's tags are a subset
// of the daemon's, except for an untagged job (only `scope=organization, owner=`): that one needs a
// daemon that is itself untagged, exactly. The server's simulation and the builds overview share it.

export type Tags = Readonly<Record<string, string>>;

export const TAG_SCOPE = "scope";
export const TAG_OWNER = "owner";
const SCOPE_ORGANIZATION = "organization";
const SCOPE_USER = "user";

/** Tags as coderd stores them; `userId` is who created the job or started the daemon. */
export function normalizeTags(tags: Tags | null | undefined, userId = ""): Record<string, string> {
  const out: Record<string, string> = { ...tags };
  if (!(TAG_SCOPE in out)) {
    out[TAG_SCOPE] = SCOPE_ORGANIZATION;
    delete out[TAG_OWNER];
  }
  if (out[TAG_SCOPE] === SCOPE_USER) {
    out[TAG_OWNER] = userId;
  } else {
    out[TAG_SCOPE] = SCOPE_ORGANIZATION;
    out[TAG_OWNER] = "";
  }
  return out;
}

/** A job with only the default tags. */
export function isUntagged(tags: Tags): boolean {
  const n = normalizeTags(tags);
  return Object.keys(n).length === 2 && n[TAG_SCOPE] === SCOPE_ORGANIZATION && n[TAG_OWNER] === "";
}

function sameTags(a: Tags, b: Tags): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** May a daemon with `daemonTags` take a job with `jobTags`? (Both as the API reports them.) */
export function daemonCanTake(daemonTags: Tags, jobTags: Tags): boolean {
  const daemon = normalizeTags(daemonTags, daemonTags[TAG_OWNER]);
  const job = normalizeTags(jobTags, jobTags[TAG_OWNER]);
  if (isUntagged(job)) return sameTags(job, daemon);
  return Object.entries(job).every(([k, v]) => daemon[k] === v);
}

/**
 * The job's tags that none of `daemonTagSets` offers, as `key=value` (the special `scope`/`owner`
 * pair reads "scope=user, owner=<id>" when a user-scoped job finds no daemon of that user).
 * Empty when every tag is offered by some daemon (even if no single daemon offers them all).
 */
export function tagsNobodyOffers(jobTags: Tags, daemonTagSets: readonly Tags[]): string[] {
  const job = normalizeTags(jobTags, jobTags[TAG_OWNER]);
  const daemons = daemonTagSets.map((t) => normalizeTags(t, t[TAG_OWNER]));
  const missing: string[] = [];
  for (const [k, v] of Object.entries(job)) {
    if (k === TAG_OWNER || (k === TAG_SCOPE && v === SCOPE_ORGANIZATION)) continue;
    if (k === TAG_SCOPE) {
      if (!daemons.some((d) => d[TAG_SCOPE] === SCOPE_USER && d[TAG_OWNER] === job[TAG_OWNER]))
        missing.push(`scope=user, owner=${job[TAG_OWNER]}`);
      continue;
    }
    if (!daemons.some((d) => d[k] === v)) missing.push(`${k}=${v}`);
  }
  return missing;
}
