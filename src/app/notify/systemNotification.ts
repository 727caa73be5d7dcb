// The browser's Notification API, where there is one. Permission is only ever asked from a click.

export type NotifyPermission = NotificationPermission | "unsupported";

export function notifyPermission(): NotifyPermission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

export async function requestNotifyPermission(): Promise<NotifyPermission> {
  if (typeof Notification === "undefined") return "unsupported";
  if (Notification.permission !== "default") return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * Shows a system notification when allowed; false when the caller must signal in the page instead.
 * `tag` makes a second tab's copy of the same news replace the first rather than stack.
 */
export function showSystemNotification(
  message: { title: string; body: string },
  tag: string,
  onClick: () => void,
): boolean {
  if (notifyPermission() !== "granted") return false;
  try {
    const notification = new Notification(message.title, { body: message.body, tag, icon: "/favicon.svg" });
    notification.onclick = () => {
      window.focus();
      onClick();
      notification.close();
    };
    return true;
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker.
    return false;
  }
}
