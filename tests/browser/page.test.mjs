// The lookup page of `rankinfo serve` in a real browser: Debian's chromium,
// driven by playwright-core. Starts the real binary on 127.0.0.1 port 0,
// types a title and a comparison, checks what is shown, and saves
// screenshots at phone and desktop widths for review (target/browser/).
//
//   RANKINFO_BIN=target/debug/rankinfo node --test tests/browser/page.test.mjs
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..", "..");
const bin = process.env.RANKINFO_BIN || join(root, "target", "debug", "rankinfo");
const shots = join(root, "target", "browser");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

let server, base, browser, profile;

before(async () => {
  mkdirSync(shots, { recursive: true });
  server = spawn(bin, ["serve", "--addr", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "inherit"] });
  base = await new Promise((ok, fail) => {
    let seen = "";
    const timer = setTimeout(() => fail(new Error("rankinfo serve did not say where it listens: " + seen)), 20000);
    server.stdout.on("data", (d) => {
      seen += d;
      const m = seen.match(/http:\/\/[0-9.:]+\//);
      if (m) { clearTimeout(timer); ok(m[0]); }
    });
    server.on("exit", (code) => fail(new Error("rankinfo serve exited: " + code)));
  });
  profile = mkdtempSync(join(tmpdir(), "rankinfo-chromium-"));
  // A fresh profile (--user-data-dir) for every run.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    locale: "zh-CN",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.kill("SIGTERM");
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

async function page(viewport) {
  const p = await browser.newPage();
  await p.setViewportSize(viewport);
  const errors = [];
  p.on("pageerror", (e) => errors.push(String(e)));
  // A 404 while typing (副 is no title yet) is an answer, not a page error.
  p.on("console", (m) => {
    if (m.type() === "error" && !/status of 40[04]/.test(m.text())) errors.push(m.text());
  });
  await p.goto(base);
  return { p, errors };
}

test("a title: the field card with level, band, address and certainty", async () => {
  for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    const { p, errors } = await page(viewport);
    // The box is labelled and has the focus.
    const box = p.getByLabel("职务、职务全称，或“甲 vs 乙”");
    assert.equal(await box.evaluate((el) => el === document.activeElement), true);
    await p.getByLabel("对方的姓（可不填）").fill("李");
    await box.pressSequentially("副县长", { delay: 30 });
    const card = p.getByRole("article", { name: "称呼卡" });
    await card.waitFor();
    await p.waitForFunction(() => document.querySelector(".oral")?.textContent === "李县长");
    const text = await card.innerText();
    assert.match(text, /县处级副职/);
    assert.match(text, /级别\d+–\d+/);
    assert.match(text, /尊敬的李副县长/);
    assert.match(text, /不要说/);
    assert.match(text, /把握：/);
    // The status line, which screen readers announce, says the gist.
    assert.match(await p.getByRole("status").innerText(), /李县长：县处级副职/);
    await p.screenshot({ path: join(shots, `title-${name}.png`), fullPage: true });
    // The page fits the screen: no sideways scrolling.
    const wide = await p.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(wide, false, "wider than the screen");
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test("a comparison, typed with vs and with 和", async () => {
  for (const [name, viewport] of [["phone", PHONE], ["desktop", DESKTOP]]) {
    const { p, errors } = await page(viewport);
    const box = p.getByLabel("职务、职务全称，或“甲 vs 乙”");
    await box.fill("调研员 vs 处长");
    await box.press("Enter");
    const rel = p.getByTestId("relation");
    await rel.waitFor();
    assert.equal(await rel.innerText(), "调研员 同级于 处长");
    await p.screenshot({ path: join(shots, `compare-${name}.png`), fullPage: true });
    await box.fill("县委书记和合肥市财政局局长");
    await box.press("Enter");
    await p.waitForFunction(() => document.querySelector("[data-testid=relation]")?.textContent.startsWith("县委书记"));
    assert.match(await rel.innerText(), /^县委书记 (高于|同级于|低于)/);
    assert.deepEqual(errors, []);
    await p.close();
  }
});

test("和 inside an organisation's name is not a comparison", async () => {
  const { p, errors } = await page(PHONE);
  await p.getByLabel("职务、职务全称，或“甲 vs 乙”").fill("广东省深圳市南山区发展和改革局副局长");
  await p.keyboard.press("Enter");
  const card = p.getByRole("article", { name: "称呼卡" });
  await card.waitFor();
  assert.match(await card.innerText(), /副局长/);
  assert.equal(await p.getByTestId("relation").count(), 0);
  assert.deepEqual(errors, []);
  await p.close();
});

test("an unknown title offers suggestions; a post outside the civil service says so", async () => {
  const { p, errors } = await page(DESKTOP);
  const box = p.getByLabel("职务、职务全称，或“甲 vs 乙”");
  await box.fill("处张");
  await box.press("Enter");
  const missing = p.getByRole("article", { name: "未找到" });
  await missing.waitFor();
  assert.match(await missing.innerText(), /是否要找/);
  // A suggestion is a button: Tab to it and press Enter.
  const first = missing.getByRole("button").first();
  const fill = await first.innerText();
  await first.focus();
  await p.keyboard.press("Enter");
  await p.getByRole("article", { name: "称呼卡" }).waitFor();
  assert.equal(await box.inputValue(), fill);

  await box.fill("某某公司董事长");
  await box.press("Enter");
  await p.waitForFunction(() => /不是公务员职务|不在公务员层次中/.test(document.querySelector("[data-testid=level]")?.textContent || ""));
  await p.screenshot({ path: join(shots, "outside-desktop.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await p.close();
});

test("the ladder chart opens from the keyboard", async () => {
  const { p, errors } = await page(DESKTOP);
  const summary = p.locator("#chart summary");
  await summary.focus();
  await p.keyboard.press("Enter");
  const img = p.getByRole("img", { name: /领导职务层次与各类职级/ });
  await img.waitFor();
  await p.waitForFunction(() => document.getElementById("chart-img").naturalWidth > 0);
  await img.scrollIntoViewIfNeeded();
  await p.screenshot({ path: join(shots, "ladder-desktop.png") });
  assert.deepEqual(errors, []);
  await p.close();
});

test("typing does not move the box or the answer area", async () => {
  const { p } = await page(PHONE);
  const box = p.getByLabel("职务、职务全称，或“甲 vs 乙”");
  const where = () => p.evaluate(() => [document.getElementById("q").getBoundingClientRect().top,
    document.getElementById("result").getBoundingClientRect().top]);
  const before = await where();
  await box.pressSequentially("处", { delay: 20 });
  await p.waitForTimeout(600);
  await box.pressSequentially("长", { delay: 20 });
  await p.waitForTimeout(600);
  assert.deepEqual(await where(), before);
  await p.close();
});
