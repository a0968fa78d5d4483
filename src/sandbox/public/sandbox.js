// The sandbox web chat. Plain browser JavaScript, served as is (no build step): it posts what
// the person types or taps to /sandbox/api/send and the photos they pick to /sandbox/api/photo
// (the server turns both into Meta's signed webhook POST) and polls /sandbox/api/messages for the
// bot's replies and their delivery status.
"use strict";

const POLL_MS = 500;
// What WhatsApp takes as an image (the server checks again).
const PHOTO_TYPES = ["image/jpeg", "image/png"];
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
const STORAGE_KEY = "loyaltylaas.sandbox.phone";
const CUSTOMER_KEY = "loyaltylaas.sandbox.customerPhone";
const TICKS = {
  queued: { mark: "🕓", label: "queued" },
  sent: { mark: "✓", label: "sent" },
  delivered: { mark: "✓✓", label: "delivered" },
  read: { mark: "✓✓", label: "read" },
  failed: { mark: "!", label: "failed" },
};

const state = {
  info: null,
  phone: "",
  name: "Ada (sandbox)",
  rendered: new Map(),
  generation: 0,
  polling: false,
};

const $ = (id) => document.getElementById(id);

document.addEventListener("DOMContentLoaded", () => {
  start().catch((err) => showStatus(`The sandbox could not start: ${err.message}`));
});

async function start() {
  const response = await fetch("/sandbox/api/info");
  if (!response.ok) throw new Error(`info answered ${response.status}`);
  state.info = await response.json();
  const { vendor, staff } = state.info;

  const customerPhone = localStorage.getItem(CUSTOMER_KEY) || randomCustomerPhone();
  localStorage.setItem(CUSTOMER_KEY, customerPhone);
  $("customer-phone-label").textContent = `+${customerPhone}`;
  $("staff-phone-label").textContent = `${staff.name} · +${staff.phone}`;
  $("staff-hint").textContent = `Staff: send STAFF, then the PIN ${staff.pin}, then LOG <customer phone> <amount>.`;
  $("vendor-name").textContent = vendor.name;
  $("vendor-name-heading").textContent = `${vendor.name} (loyalty bot)`;
  $("vendor-code").textContent = vendor.code;
  $("join-code").textContent = vendor.code;
  $("vendor-qr").alt = `QR code that opens WhatsApp with JOIN ${vendor.code} typed`;
  const link = $("join-link");
  link.href = vendor.joinLink;
  link.textContent = vendor.joinLink;

  $("persona-customer").addEventListener("change", () => switchTo(customerPhone, "Ada (sandbox)"));
  $("persona-staff").addEventListener("change", () => switchTo(staff.phone, staff.name));
  $("phone-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const typed = $("phone-input").value.replace(/[\s()+-]/g, "");
    if (!/^\d{7,15}$/.test(typed)) {
      showStatus("A phone number is 7 to 15 digits, in international form (e.g. 2348012345678).");
      $("phone-input").focus();
      return;
    }
    switchTo(typed, "Sandbox user");
    $("message-input").focus();
  });
  $("composer").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("message-input");
    const text = input.value.trim();
    if (text === "") return;
    send({ text }).then((ok) => {
      if (ok) input.value = "";
      input.focus();
    });
  });
  // The language picker uses the chat command itself, so the choice is kept as a real one would be.
  $("language-form").addEventListener("submit", (event) => {
    event.preventDefault();
    send({ text: `LANGUAGE ${$("language-select").value}` });
    $("message-input").focus();
  });
  $("photo-form").addEventListener("submit", (event) => {
    event.preventDefault();
    sendPhoto();
  });
  $("join-button").addEventListener("click", () => {
    send({ text: `JOIN ${vendor.code}` });
    $("message-input").focus();
  });

  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === staff.phone) {
    switchTo(staff.phone, staff.name);
  } else if (saved && saved !== customerPhone && /^\d{7,15}$/.test(saved)) {
    $("phone-input").value = saved;
    switchTo(saved, "Sandbox user");
  } else {
    switchTo(customerPhone, "Ada (sandbox)");
  }
  setInterval(poll, POLL_MS);
}

function switchTo(phone, name) {
  state.phone = phone;
  state.name = name;
  state.generation += 1;
  state.rendered.clear();
  $("messages").replaceChildren();
  $("chatting-as").textContent = `You are +${phone} (${name})`;
  $("persona-customer").checked = phone === localStorage.getItem(CUSTOMER_KEY);
  $("persona-staff").checked = phone === state.info.staff.phone;
  localStorage.setItem(STORAGE_KEY, phone);
  showStatus("");
  poll();
}

async function send(message) {
  showStatus("");
  try {
    const response = await fetch("/sandbox/api/send", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ phone: state.phone, name: state.name, ...message }),
    });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      showStatus(body?.error?.message ?? `Not sent (HTTP ${response.status})`);
      return false;
    }
    poll();
    return true;
  } catch (err) {
    showStatus(`Not sent: ${err.message}`);
    return false;
  }
}

async function sendPhoto() {
  showStatus("");
  const input = $("photo-input");
  const file = input.files?.[0];
  if (!file) {
    showStatus("Pick a photo first.");
    input.focus();
    return;
  }
  if (!PHOTO_TYPES.includes(file.type)) {
    showStatus("The photo must be a JPEG or PNG image.");
    input.focus();
    return;
  }
  if (file.size > PHOTO_MAX_BYTES) {
    showStatus("The photo is over 5 MB: WhatsApp takes images up to 5 MB.");
    input.focus();
    return;
  }
  const form = new FormData();
  form.append("phone", state.phone);
  form.append("name", state.name);
  const caption = $("photo-caption").value.trim();
  if (caption !== "") form.append("caption", caption);
  form.append("photo", file, file.name);
  const button = $("photo-button");
  button.disabled = true;
  try {
    const response = await fetch("/sandbox/api/photo", { method: "POST", body: form });
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      showStatus(body?.error?.message ?? `Not sent (HTTP ${response.status})`);
      return;
    }
    $("photo-form").reset();
    poll();
  } catch (err) {
    showStatus(`Not sent: ${err.message}`);
  } finally {
    button.disabled = false;
  }
}

async function poll() {
  if (state.polling || state.phone === "") return;
  state.polling = true;
  const generation = state.generation;
  try {
    const response = await fetch(`/sandbox/api/messages?phone=${encodeURIComponent(state.phone)}`);
    if (!response.ok || generation !== state.generation) return;
    const { entries } = await response.json();
    if (generation !== state.generation) return;
    render(entries);
  } catch {
    // The server may be restarting; the next poll tries again.
  } finally {
    state.polling = false;
  }
}

function render(entries) {
  const list = $("messages");
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  let added = false;
  // The server's list is in time order; a message recorded late goes where it belongs.
  let previous = null;
  for (const entry of entries) {
    const existing = state.rendered.get(entry.id);
    if (existing) {
      if (entry.status) setTicks(existing, entry.status);
      previous = existing;
      continue;
    }
    const item = renderEntry(entry);
    state.rendered.set(entry.id, item);
    if (previous) previous.after(item);
    else list.prepend(item);
    previous = item;
    added = true;
  }
  if (added && nearBottom) list.scrollTop = list.scrollHeight;
}

function renderEntry(entry) {
  const item = document.createElement("li");
  item.className = `msg ${entry.direction}`;
  item.dataset.id = entry.id;
  const bubble = element("div", "bubble");
  if (entry.template) bubble.append(element("div", "template-name", `Template: ${entry.template}`));
  if (entry.image) {
    const link = element("a", "image-link");
    link.href = entry.image;
    link.target = "_blank";
    link.rel = "noopener";
    const image = element("img", "image");
    image.src = entry.image;
    image.alt = entry.text || "Image";
    image.loading = "lazy";
    link.append(image);
    bubble.append(link);
  }
  bubble.append(document.createTextNode(entry.text));
  const meta = element("div", "meta");
  meta.append(element("time", "", new Date(entry.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })));
  if (entry.direction === "out") {
    const ticks = element("span", "ticks");
    meta.append(ticks);
  }
  bubble.append(meta);
  item.append(bubble);
  if (entry.direction === "out") {
    bubble.prepend(element("span", "visually-hidden", "Bot: "));
    if (entry.status) setTicks(item, entry.status);
  } else {
    bubble.prepend(element("span", "visually-hidden", "You: "));
  }

  if (entry.buttons) {
    const group = element("div", "reply-buttons");
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Reply buttons");
    for (const button of entry.buttons) group.append(replyButton("button_reply", button.id, button.title));
    item.append(group);
  }
  if (entry.list) {
    const details = element("details", "list");
    details.append(element("summary", "", entry.list.button));
    for (const section of entry.list.sections) {
      const block = element("div", "list-section");
      if (section.title) block.append(element("h3", "", section.title));
      const rows = element("ul", "list-rows");
      for (const row of section.rows) {
        const li = document.createElement("li");
        const button = replyButton("list_reply", row.id, row.title);
        if (row.description) button.append(element("span", "row-description", row.description));
        li.append(button);
        rows.append(li);
      }
      block.append(rows);
      details.append(block);
    }
    item.append(details);
  }
  return item;
}

function replyButton(type, id, title) {
  const button = element("button", "", title);
  button.type = "button";
  button.dataset.replyId = id;
  button.addEventListener("click", () => {
    send({ reply: { type, id, title } });
    $("message-input").focus();
  });
  return button;
}

function setTicks(item, status) {
  const ticks = item.querySelector(".ticks");
  if (!ticks || ticks.dataset.status === status) return;
  const tick = TICKS[status] ?? TICKS.queued;
  ticks.dataset.status = status;
  ticks.textContent = tick.mark;
  ticks.setAttribute("aria-label", tick.label);
  ticks.title = tick.label;
  item.dataset.status = status;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function showStatus(text) {
  $("send-status").textContent = text;
}

function randomCustomerPhone() {
  // 0803 is an MTN Nigeria mobile prefix, so staff can LOG purchases for this number.
  const digits = Array.from(crypto.getRandomValues(new Uint8Array(7)), (b) => String(b % 10)).join("");
  return `234803${digits}`;
}
