/** Whether the server at `url` answers `/healthz` (false while nothing listens there yet). */
export const isHealthy = (url: string): Promise<boolean> =>
  fetch(`${url}/healthz`).then(
    (res) => res.ok,
    () => false,
  );
