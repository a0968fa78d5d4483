import type { Config } from "../config.ts";
import { createReceiptStore } from "../storage/createReceiptStore.ts";
import type { ReceiptStore } from "../storage/receiptStore.ts";
import { createMediaDownloader, type MediaDownloader } from "../whatsapp/downloadMedia.ts";

/** What the chat needs for receipt photos: the Graph API media download and the receipt store. */
export type ClaimMedia = { download: MediaDownloader; store: ReceiptStore };

const byConfig = new WeakMap<Config, ClaimMedia>();

/** The downloader and store for this configuration, made once per config (they hold no state but a client). */
export function claimMediaFor(config: Config): ClaimMedia {
  const known = byConfig.get(config);
  if (known !== undefined) return known;
  const media: ClaimMedia = {
    download: createMediaDownloader({
      apiUrl: config.whatsapp.apiUrl,
      apiVersion: config.whatsapp.apiVersion,
      token: config.whatsapp.token ?? "sandbox",
      ...(config.whatsapp.appSecret === undefined ? {} : { appSecret: config.whatsapp.appSecret }),
    }),
    store: createReceiptStore(config.receiptStorage),
  };
  byConfig.set(config, media);
  return media;
}
