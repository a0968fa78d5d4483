import { isIP } from "node:net";
import type { RequestHandler } from "express";

/**
 * Lets a request through only when it comes from this machine: the TCP peer is a loopback
 * address and so is the client express derives from it (which, with `trust proxy` set, is the
 * forwarded client: a local reverse proxy in front of the app does not make the world local).
 * Anyone else gets the same 404 as a path that does not exist.
 */
export function loopbackOnly(): RequestHandler {
  return (req, res, next) => {
    if (isLoopback(req.socket.remoteAddress) && isLoopback(req.ip)) {
      next();
      return;
    }
    res.status(404).json({ error: { code: "not_found", message: "Not found" } });
  };
}

/** 127.0.0.0/8, ::1, and IPv4-mapped loopback (`::ffff:127.0.0.1`). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}
