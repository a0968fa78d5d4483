import { useState } from "preact/hooks";
import type { Session } from "../session.ts";

/** The QR poster: customers scan it to open WhatsApp with JOIN <code> typed. Printable; PNG download. */
export function QrPage(props: { session: Session }) {
  const [failed, setFailed] = useState(false);
  const [loaded, setLoaded] = useState(false);
  return (
    <>
      <h1 class="no-print">QR poster</h1>
      <section class="card qr">
        <h2 style="text-align:center">Scan to join {props.session.businessName}'s rewards</h2>
        {failed ? (
          <p class="error" role="alert">
            Could not load the QR code. Reload the page to try again.
          </p>
        ) : (
          <>
            {loaded ? null : (
              <p class="loading" role="status">
                Loading the QR code…
              </p>
            )}
            <img
              src="/api/v1/qr.svg"
              alt={`QR code that opens WhatsApp with JOIN ${props.session.vendorCode}`}
              onLoad={() => setLoaded(true)}
              onError={() => setFailed(true)}
              width={320}
              height={320}
            />
          </>
        )}
        <p style="text-align:center">
          Or send <strong>JOIN {props.session.vendorCode}</strong> on WhatsApp.
        </p>
      </section>
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Print poster
        </button>
        <a class="button secondary" href="/api/v1/qr.png?size=1024" download={`qr-${props.session.vendorCode}.png`}>
          Download PNG
        </a>
      </div>
    </>
  );
}
