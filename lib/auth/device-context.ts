import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The sign-in request's device id, handed from the route wrapper to
 * next-auth's `authorize()`. next-auth reads cookies from the incoming request
 * itself, so a device id created for a first-time browser cannot travel in the
 * Cookie header; it travels in this request-scoped store instead.
 */
const deviceStore = new AsyncLocalStorage<{ deviceId: string }>();

export function withDeviceId<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
  return deviceStore.run({ deviceId }, work);
}

export function currentDeviceId(): string | undefined {
  return deviceStore.getStore()?.deviceId;
}
