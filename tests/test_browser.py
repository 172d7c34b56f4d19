"""The real chat page, end to end: `streamlit run app.py` driven in Debian chromium through Playwright.

Needs /usr/bin/chromium (CI: `apt-get install chromium`); never `playwright install`. Prints its timings (pytest -s).
NOTES_QA_SCREENSHOT=<path> also copies the full-page screenshot there (docs/screenshot.png for the README).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.procs import free_port

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome-extension"}
SERVER_START_S = 60
FIRST_ANSWER_MS = 75_000  # includes the first ingest of the notes
ANSWER_MS = 30_000
QUESTION = "SQSの可視性タイムアウトとは？"
SECOND_QUESTION = "Lambdaのメモリはどの範囲で設定できる？"
CITED_FILE = "003_16b2854ed933e055.txt"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: apt-get install chromium"),
]


@dataclass(frozen=True)
class Server:
    url: str
    started: float  # time.perf_counter() just before the process was started
    log: Path


def full_page_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside its main block, not the document: grow the viewport until nothing scrolls, shoot."""
    viewport = page.viewport_size
    height = viewport["height"]
    for _ in range(6):
        overflow = page.evaluate("""() => Math.max(0, ...[...document.querySelectorAll(
            '.stMain, [data-testid="stSidebarContent"]')].map(e => e.scrollHeight - e.clientHeight))""")
        if overflow <= 0:
            break
        height += overflow
        page.set_viewport_size({"width": viewport["width"], "height": height})
        page.wait_for_timeout(250)  # let the layout settle at the new size
    page.evaluate("() => document.querySelectorAll('.stMain').forEach(e => e.scrollTo(0, 0))")
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


def log_tail(log: Path, n: int = 40) -> str:
    return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])


def wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + SERVER_START_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_tail(log)}")
        try:
            with no_proxy.open(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.25)
    pytest.fail(f"streamlit not healthy after {SERVER_START_S} s:\n{log_tail(log)}")


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    port = free_port()
    env = {
        **os.environ,
        "NOTES_QA_NOTES_DIR": "notes",  # the repo's notes (cwd = REPO), read only; shown as `notes` in the sidebar
        "NOTES_QA_DATA_DIR": str(tmp_path / "data"),
        "HF_HUB_OFFLINE": "1",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = tmp_path / "streamlit.log"
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        wait_healthy(url, proc, log)
        yield Server(url, started, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


def test_ask_read_citation_no_outside_requests(server, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    from playwright.sync_api import expect

    outside: list[str] = []
    problems: list[str] = []

    def on_request(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in LOCAL_SCHEMES and parts.hostname not in LOOPBACK:
            outside.append(request.url)

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
            context.on("request", on_request)
            page = context.new_page()
            page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            page.goto(server.url, wait_until="domcontentloaded")

            chat_input = page.locator('[data-testid="stChatInput"] textarea')
            expect(chat_input).to_be_visible(timeout=FIRST_ANSWER_MS)
            assistant_msgs = page.locator('[data-testid="stChatMessage"]').filter(
                has=page.locator('[data-testid="stChatMessageAvatarAssistant"]'))
            running = page.locator('[data-testid="stStatusWidget"]')

            # First question: cold (ingest on first start + model load), timed from server start.
            chat_input.fill(QUESTION)
            chat_input.press("Enter")
            first = assistant_msgs.filter(has_text="[1]").filter(has_text="30秒").first
            expect(first).to_be_visible(timeout=FIRST_ANSWER_MS)
            first_answer_s = time.perf_counter() - server.started
            expect(running).to_be_hidden(timeout=ANSWER_MS)

            # The first citation opens to its section, with the fact in it.
            expander = first.locator('[data-testid="stExpander"]').filter(has_text=CITED_FILE).filter(
                has_text="Amazon SQS").first
            expect(expander).to_be_visible()
            assert "[1]" in expander.locator("summary").inner_text()
            expander.locator("summary").click()
            details = expander.locator('[data-testid="stExpanderDetails"]')
            expect(details).to_be_visible()
            expect(details).to_contain_text("デフォルトで30秒")
            expect(details).to_contain_text("可視性タイムアウト")
            section = details.inner_text()
            assert ":orange-background[" not in section, "highlight directive shown as raw text"

            shot = tmp_path / "page.png"
            full_page_screenshot(page, shot)
            if target := os.environ.get("NOTES_QA_SCREENSHOT"):
                Path(target).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(shot, target)

            # Second question: warm, timed from Enter.
            chat_input.fill(SECOND_QUESTION)
            t0 = time.perf_counter()
            chat_input.press("Enter")
            second = assistant_msgs.nth(1)
            expect(second).to_contain_text("3008MB", timeout=ANSWER_MS)
            expect(second).to_contain_text("[1]")
            warm_answer_s = time.perf_counter() - t0
            expect(running).to_be_hidden(timeout=ANSWER_MS)
            expect(assistant_msgs).to_have_count(2)
            full_page_screenshot(page, tmp_path / "page-warm.png")
            expect(page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')).to_have_count(0)
        finally:
            browser.close()

    print(f"\n[browser] server start -> first answer visible: {first_answer_s:.1f} s"
          f"\n[browser] warm question, Enter -> answer visible: {warm_answer_s:.2f} s"
          f"\n[browser] screenshot: {shot}")
    for line in problems:
        print(f"[browser] {line}")
    assert outside == [], f"requests to non-loopback hosts: {outside}"
