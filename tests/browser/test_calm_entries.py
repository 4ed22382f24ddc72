"""Calmer entries, at desktop and phone widths: every source's tab label of a merged
entry is readable, a glossary term carries its tooltip once per entry, and a section
badge appears only where it names more than the source's title."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from generator.render.section_badge import adds_to
from tests.browser.test_study import page_of, visible_questions

pytestmark = pytest.mark.browser
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}


def merged_entry(site) -> dict:
    groups = defaultdict(list)
    for q in visible_questions(site):
        if q["group"] and q["answer"]:
            groups[q["group"]].append(q)
    return max(groups.values(), key=len)[0]


@pytest.mark.parametrize("size", WIDTHS)
def test_every_tab_label_of_a_merged_entry_is_readable(built_site, base_url, page, size):
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[size], strict=True)))
    q = merged_entry(built_site)
    page.goto(base_url + q["url"])
    qa = page.locator(f'.qa[data-ids~="{q["id"]}"]')
    qa.locator("details.answer > summary").click()
    labels = qa.locator(".tabbed-labels > label")
    assert labels.count() >= 2
    width = page.viewport_size["width"]
    for label in labels.all():
        box = label.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (size, label.inner_text(), box)
        # the whole label shows: nothing clipped or scrolled away
        assert label.evaluate("l => l.scrollWidth <= l.clientWidth + 1"), label.inner_text()
    chosen = labels.nth(1)
    chosen.click()
    assert qa.locator(".tabbed-content > .tabbed-block").nth(1).is_visible()


def test_a_term_carries_its_tooltip_once_per_entry(built_site, base_url, page):
    pages = {page_of(q) for q in visible_questions(built_site)}
    for url in sorted(pages)[:6]:
        page.goto(base_url + url)
        repeats = page.evaluate(
            """() => [...document.querySelectorAll("article h2[id]")].flatMap(h => {
                 const seen = new Set(), out = [];
                 for (let el = h; el && (el === h || el.tagName !== "H2"); el = el.nextElementSibling)
                   for (const abbr of (el.tagName === "ABBR" ? [el] : el.querySelectorAll("abbr[title]"))) {
                     const term = abbr.title.toLowerCase().replace(/s$/, "");
                     if (seen.has(term)) out.push(h.id + ": " + abbr.textContent);
                     seen.add(term);
                   }
                 return out;
               })"""
        )
        assert repeats == [], (url, repeats[:5])


def test_section_badges_only_where_they_add_a_subject(built_site, base_url, page):
    doc = json.loads((built_site / "questions.json").read_text(encoding="utf-8"))
    titles = {s["id"]: s["title"] for s in doc["sources"]}
    by_page = defaultdict(list)
    for q in visible_questions(built_site):
        if q["section"]:
            by_page[page_of(q)].append(q)
    assert by_page, "no question has a section"
    checked = {"shown": 0, "left out": 0}
    for url, questions in sorted(by_page.items())[:5]:
        page.goto(base_url + url)
        for q in questions:
            badge = page.locator(f'.qa[data-ids~="{q["id"]}"] .qa-badge--section')
            if page.locator(f'.qa[data-qid="{q["id"]}"]').count() == 0:
                continue  # a merged member: its entry shows the primary's section
            expected = adds_to(q["section"], titles[q["source"]])
            assert badge.count() == int(expected), (q["id"], q["section"], titles[q["source"]])
            checked["shown" if expected else "left out"] += 1
    assert checked["shown"] and checked["left out"], checked
