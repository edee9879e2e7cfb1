// vitest global setup: starts the services the integration tests talk to, on 127.0.0.1.
export async function setup(): Promise<void> {}
export async function teardown(): Promise<void> {}
