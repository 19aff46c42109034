"""Drive headless Debian Chromium over a view: for the browser tests and the README screenshot.

Needs the ``test`` extra (selenium) and ``scripts/test-deps/chromium.sh`` (Debian
``chromium`` and ``chromium-driver``); :func:`missing` says what is absent.  Pages are
served from a localhost server so every request the page makes is visible and local.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import importlib.util
import json
import threading
from pathlib import Path
from typing import Iterator

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")


def missing() -> str | None:
    """Why a browser cannot be driven here, or None when everything is installed."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            return f"{path} not found (run scripts/test-deps/chromium.sh)"
    if importlib.util.find_spec("selenium") is None:
        return "selenium not installed (pip install -e '.[test]')"
    return None


@contextlib.contextmanager
def chromium(profile: Path, size: tuple[int, int] = (1400, 900)) -> Iterator[object]:
    """A Selenium driver for headless Chromium with a fresh profile in ``profile``, logging
    console messages and network events."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on an ephemeral localhost port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def wait_until_settled(driver, timeout: float = 180) -> None:
    """Wait for the page script to report the layout settled (physics switched off)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.25).until(
        lambda d: d.execute_script("return Boolean(window.hccView && window.hccView.stabilized);"))


def requested_urls(driver) -> list[str]:
    """Every URL the page asked for, from Chromium's DevTools network events."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    """The SEVERE messages in a Selenium driver's browser log (a view that draws cleanly has none)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry.get("level") == "SEVERE"]


def screenshot(page: Path, png: Path, profile: Path, size: tuple[int, int] = (1400, 900)) -> Path:
    """Open ``page`` from a localhost server, wait for the layout to settle, save a PNG."""
    with serve(page.parent) as base, chromium(profile, size) as driver:
        driver.get(base + page.name)
        wait_until_settled(driver)
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    return png


def screenshot_static(page: Path, png: Path, profile: Path, size: tuple[int, int] = (1000, 600)) -> Path:
    """Open a page without a network layout (a forest plot or evidence page) and save a PNG."""
    with serve(page.parent) as base, chromium(profile, size) as driver:
        driver.get(base + page.name)
        png.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(png))
    return png
