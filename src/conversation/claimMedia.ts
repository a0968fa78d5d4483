import type { Config } from "../config.ts";
import { createReceiptStore } from "../storage/createReceiptStore.ts";
import type { ReceiptStore } from "../storage/receiptStore.ts";
import { createMediaDownloader, type MediaDownloader } from "../whatsapp/downloadMedia.ts";
import type { EngineDeps } from "./engineTypes.ts";

/** What the chat needs for receipt photos: the Graph API media download and the receipt store. */
export type ClaimMedia = { download: MediaDownloader; store: ReceiptStore };

const storeByConfig = new WeakMap<Config, ReceiptStore>();
const downloaderByConfig = new WeakMap<Config, MediaDownloader>();

/**
 * The downloader and store for the engine's dependencies: the downloader they supply (sandbox
 * mode's fake Graph API) or else the real one for `config.whatsapp`; the receipt store of
 * `config.receiptStorage`. Each is made once per config (they hold no state but a client).
 */
export function claimMediaFor(deps: Pick<EngineDeps, "config" | "downloadMedia">): ClaimMedia {
  return { download: deps.downloadMedia ?? graphDownloaderFor(deps.config), store: receiptStoreFor(deps.config) };
}

/** The receipt store of this configuration (`DATA_DIR/receipts` or S3). */
export function receiptStoreFor(config: Config): ReceiptStore {
  const known = storeByConfig.get(config);
  if (known !== undefined) return known;
  const store = createReceiptStore(config.receiptStorage);
  storeByConfig.set(config, store);
  return store;
}

function graphDownloaderFor(config: Config): MediaDownloader {
  const known = downloaderByConfig.get(config);
  if (known !== undefined) return known;
  const download = createMediaDownloader({
    apiUrl: config.whatsapp.apiUrl,
    apiVersion: config.whatsapp.apiVersion,
    token: config.whatsapp.token ?? "sandbox",
    ...(config.whatsapp.appSecret === undefined ? {} : { appSecret: config.whatsapp.appSecret }),
  });
  downloaderByConfig.set(config, download);
  return download;
}
