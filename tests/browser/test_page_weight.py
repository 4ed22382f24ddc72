"""What the Lighthouse score is made of, asserted in headless Chromium on the built site
(served under /llm-study/ with gzip, as GitHub Pages serves it): per page, the layout shift
(a search landing included, whose answer opens from the URL's anchor), the bytes
transferred, the script requests, and the main-thread time of the site's own scripts.
The score itself swings with the machine's load, so benchmarks/lighthouse.py reports it;
these are the parts of it that do not.

The pages are the four the benchmark measures (benchmarks.lighthouse.pick_pages): home,
the largest topic, the topic with the most formulas, and a search result's link to an
answer with math (?h=word#question-id).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from benchmarks.lighthouse import MATH, pick_pages, serve
from tests.browser.conftest import BOTH_ENGINES, open_watched_page

pytestmark = pytest.mark.browser

# issue 15: a topic page without math under 150 KB transferred (gzip); a search landing
# on a math answer also fetches the search index (Material highlights the searched words
# with it) and the math font.
MAX_BYTES = 150_000
MAX_BYTES_LANDING = 240_000
MAX_CLS = 0.01
# Material's bundle and its search worker, search-lazy/search-results, a11y.js, loader.js,
# tooltips.js, study.js and the twelve study/ modules it imports (13:45 UTC). A new module
# is a request more on every topic page: raise this with a reason, or merge modules.
# A page without study widgets (about) loads the first seven and loader.js's study/dom.js.
MAX_SCRIPTS = 20
MAX_SCRIPTS_PLAIN = 8
MAX_CPU_SHARE = 0.5
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
STUDY_SCRIPTS = ("study.js", "flashcards.js", "progress.js", "math.js", "mathjax/")

# Layout shifts without recent input (what CLS sums), bytes over the wire, script requests.
MEASURE_JS = """() => new Promise(done => {
  const shifts = [];
  new PerformanceObserver(list => list.getEntries().forEach(e => {
    if (!e.hadRecentInput) shifts.push({value: e.value, nodes: e.sources.map(s => s.node ?
      (s.node.nodeName + '.' + (s.node.className || '')) : '?')});
  })).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => {
    const resources = performance.getEntriesByType('resource');
    const nav = performance.getEntriesByType('navigation')[0];
    done({
      cls: shifts.reduce((sum, s) => sum + s.value, 0), shifts,
      bytes: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
      scripts: resources.filter(r => /\\.js(\\?|$)/.test(r.name)).map(r => r.name.split('/llm-study/').pop()),
    });
  }, 1500);
})"""


@pytest.fixture(scope="module")
def gzip_site(mkdocs_build):
    """The MkDocs build served with gzip (benchmarks/lighthouse.py's server)."""
    site = mkdocs_build[0]
    server, url = serve(site)
    yield site, url
    server.shutdown()
    server.server_close()


def measure(browser, url: str, size: str, watch) -> dict:
    """One fresh load: MEASURE_JS's figures, whether the linked answer is open, and the
    main thread's script time by file (a CPU profile: each sample goes to the innermost
    frame that has a file, so DOM work a script asks for counts as that script's)."""
    width, height = WIDTHS[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = open_watched_page(context, watch)
        cdp = context.new_cdp_session(page)
        cdp.send("Profiler.enable")
        cdp.send("Profiler.setSamplingInterval", {"interval": 250})
        cdp.send("Profiler.start")
        page.goto(url)
        page.wait_for_load_state("networkidle")
        result = page.evaluate(MEASURE_JS)
        result["cpu"] = script_time(cdp.send("Profiler.stop")["profile"])
        result["landed"] = page.evaluate(
            """() => { const t = document.getElementById(decodeURIComponent(location.hash.slice(1)));
                       const qa = t && t.nextElementSibling;
                       return !!(qa && qa.querySelector('details.answer[open] math')); }"""
        )
        return result
    finally:
        context.close()


def script_time(profile: dict) -> dict[str, float]:
    """Milliseconds of main-thread time per script file (site-relative) in a CPU profile."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", ())}
    owner: dict[int, str] = {}
    for node_id in nodes:
        current: int | None = node_id
        while current is not None and not nodes[current]["callFrame"]["url"]:
            current = parent.get(current)
        url = nodes[current]["callFrame"]["url"] if current is not None else ""
        owner[node_id] = url.split("/llm-study/")[-1]
    times: dict[str, float] = {}
    for sample, delta in zip(profile["samples"], profile["timeDeltas"], strict=True):
        times[owner[sample]] = times.get(owner[sample], 0.0) + delta / 1000
    return times


def cpu_share(cpu: dict[str, float]) -> float:
    """Our scripts' main-thread time over Material's bundle's."""
    ours = sum(ms for file, ms in cpu.items() if is_ours(file))
    return ours / max(1.0, sum(ms for file, ms in cpu.items() if "javascripts/bundle" in file))


def is_ours(file: str) -> bool:
    """The site's own scripts (overrides/assets), not Material's bundle or MathJax."""
    return file.startswith("assets/") and not file.startswith(("assets/javascripts/", "assets/mathjax/"))


def four_pages(site: Path) -> dict[str, str]:
    pages = pick_pages(site)
    assert len(pages) == 4, pages
    return pages


@pytest.mark.parametrize("size", WIDTHS)
def test_four_pages_stay_still_light_and_cheap(gzip_site, browser, watch, size):
    site, url = gzip_site
    report = {}
    for label, path in four_pages(site).items():
        r = measure(browser, url + path, size, watch)
        landing = "landing" in label
        shares = [cpu_share(r["cpu"])]
        assert r["cls"] < MAX_CLS, f"{label} ({size}): layout shift {r['cls']:.4f}: {r['shifts']}"
        assert r["bytes"] < (MAX_BYTES_LANDING if landing else MAX_BYTES), f"{label}: {r['bytes']} bytes"
        assert len(r["scripts"]) <= MAX_SCRIPTS, f"{label}: {r['scripts']}"
        assert not [s for s in r["scripts"] if "math.js" in s or "mathjax/" in s], f"{label}: {r['scripts']}"
        # Our scripts' main-thread time stays well under Material's own bundle's (both
        # scale with the machine's load, so the bound does too). The profiler samples wall
        # time, so a script the OS preempts looks slow: the best of three loads counts.
        while min(shares) > MAX_CPU_SHARE and len(shares) < 3:
            shares.append(cpu_share(measure(browser, url + path, size, watch)["cpu"]))
        assert min(shares) <= MAX_CPU_SHARE, f"{label}: our scripts' share of Material's {shares}: {r['cpu']}"
        report[label] = (round(r["cls"], 4), r["bytes"], len(r["scripts"]), [round(s, 2) for s in shares])
        if landing:
            assert r["landed"], f"{label}: the answer the link points at is not open"
    assert not watch.problems(), watch.problems()
    print(size, report)


def test_topic_pages_without_math_stay_under_the_budget(gzip_site, browser, watch):
    site, url = gzip_site
    plain = [p.parent for p in (site / "topics").glob("*/index.html") if not MATH.search(p.read_text())]
    assert plain
    for topic in sorted(plain, key=lambda t: -(t / "index.html").stat().st_size)[:3]:
        r = measure(browser, f"{url}topics/{topic.name}/", "phone", watch)
        assert r["bytes"] < MAX_BYTES, f"{topic.name}: {r['bytes']} bytes"
        assert r["cls"] < MAX_CLS, f"{topic.name}: {r['shifts']}"


def test_each_page_loads_only_the_scripts_it_uses(gzip_site, browser, watch):
    site, url = gzip_site
    expected = {
        "about/": set(),
        "glossary/": set(),
        "": {"study.js"},
        "flashcards/": {"flashcards.js", "progress.js"},
        next(iter(p for label, p in four_pages(site).items() if "formulas" in label)): {"study.js"},
    }
    for path, wanted in expected.items():
        r = measure(browser, url + path, "desktop", watch)
        loaded = {name for name in STUDY_SCRIPTS if any(s.startswith("assets/" + name) for s in r["scripts"])}
        if path == "flashcards/":  # flashcards.js imports math.js, which loads MathJax only for TeX left
            loaded.discard("math.js")
        assert loaded == wanted, f"/{path}: {r['scripts']}"
        if not wanted:
            assert len(r["scripts"]) <= MAX_SCRIPTS_PLAIN, f"/{path}: {r['scripts']}"
            study = [s for s in r["scripts"] if s.startswith("assets/study/") and s != "assets/study/dom.js"]
            assert not study, f"/{path}: {r['scripts']}"


@BOTH_ENGINES
def test_study_scripts_arrive_with_instant_navigation(built_site, base_url, page):
    """A page without study widgets loads no study code; following a link to a topic,
    then to the flashcards, without a reload, loads and mounts each on arrival."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + "about/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in requests if re.search(r"/assets/(study|flashcards|progress)\.js", u)]
    page.evaluate("window.__sameDocument = true")
    topic = next(p.parent.name for p in sorted((built_site / "topics").glob("*/index.html")))
    page.evaluate(
        """href => { const a = document.createElement('a'); a.href = href; a.textContent = 'go';
                     document.querySelector('.md-content article, article').appendChild(a); a.click(); }""",
        f"{base_url}topics/{topic}/",
    )
    page.wait_for_url(f"{base_url}topics/{topic}/")
    page.wait_for_selector(".study-bar .study-bar__progress")
    assert page.locator(".study-grade").count() == page.locator(".qa").count()
    page.evaluate(
        """href => { const a = document.createElement('a'); a.href = href; a.textContent = 'go';
                     document.querySelector('.md-content article, article').appendChild(a); a.click(); }""",
        f"{base_url}flashcards/",
    )
    page.wait_for_selector("div#flashcards[data-ready] .fc-card")
    assert page.evaluate("window.__sameDocument === true"), "instant navigation, not a reload"


def test_without_javascript_no_room_is_kept_for_the_study_controls(mkdocs_build, browser, base_url):
    """study.css keeps room for the grade buttons until they arrive; main.html's <noscript>
    gives it back when no script will ever fill it."""
    site = mkdocs_build[0]
    topic = next(p.parent.name for p in sorted((site / "topics").glob("*/index.html")))
    gaps = {}
    for js in (True, False):
        context = browser.new_context(java_script_enabled=js)
        page = context.new_page()
        if js:
            page.route("**/study.js", lambda route: route.abort())  # the room, never filled
        page.goto(f"{base_url}topics/{topic}/")
        gaps[js] = page.evaluate(
            """() => { const s = document.querySelector('.qa > details.answer + .qa-source');
                       const above = s.previousElementSibling.getBoundingClientRect();
                       return s.getBoundingClientRect().top - above.bottom; }"""
        )
        context.close()
    assert gaps[True] > 100 and gaps[False] < 30, gaps
