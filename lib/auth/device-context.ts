import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What the sign-in route wrapper and next-auth's `authorize()` hand each other
 * within one request. next-auth reads cookies from the incoming request
 * itself and sets only its own, so a device id created for a first-time
 * browser travels in, and a signed device cookie issued by a completed
 * sign-in travels out, through this request-scoped store.
 */
export type DeviceContext = { deviceId: string; issuedDeviceCookie: string | null };

const deviceStore = new AsyncLocalStorage<DeviceContext>();

/** Runs `work` with `context` as the request's device context (the caller reads `issuedDeviceCookie` afterwards). */
export function withDeviceContext<T>(context: DeviceContext, work: () => Promise<T>): Promise<T> {
  return deviceStore.run(context, work);
}

/** The request's device id (a first-time browser's new one included). */
export function currentDeviceId(): string | undefined {
  return deviceStore.getStore()?.deviceId;
}

/** Hands a signed device cookie from a completed sign-in to the route wrapper, which sets it. */
export function offerDeviceCookie(value: string): void {
  const context = deviceStore.getStore();
  if (context) context.issuedDeviceCookie = value;
}
