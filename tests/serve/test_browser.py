"""electsec-serve as people use it, in Chromium driven by Selenium: a county walks from the
questionnaire through its plan to its report; a state lead reads the dashboard and takes a
table as CSV. Screenshots at desktop and phone widths land in ELECTSEC_SCREENSHOTS (or a
temporary folder) for a person to look at; a print to PDF must give clean pages."""
import base64
import http.client
import os
import pathlib
import tempfile

import pytest

import electsec
from conftest import Server

webdriver = pytest.importorskip("selenium.webdriver")  # python3-selenium; scripts/install-deps installs it
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SHOTS = pathlib.Path(os.environ.get("ELECTSEC_SCREENSHOTS") or tempfile.mkdtemp(prefix="electsec-serve-shots-"))


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options)
    driver.set_window_size(1280, 900)
    yield driver
    driver.quit()


def shoot(driver, name, width):
    """A picture of the whole page at `width` px; the page must not scroll sideways."""
    driver.set_window_size(width, 900)
    inner, whole, height = driver.execute_script(
        "return [document.documentElement.clientWidth, document.documentElement.scrollWidth,"
        " document.documentElement.scrollHeight]")
    assert whole <= inner, f"{name} is {whole} px wide in a {inner} px window"
    driver.set_window_size(width, min(max(height + 120, 600), 4000))
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"serve-{name}-{width}.png"))
    driver.set_window_size(1280, 900)


def click_and_wait(driver, element):
    """Click a link or button and wait until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(page))


def fetch(server, driver, path):
    """(status, headers, body) of `path` with the browser's session cookie."""
    cookie = driver.get_cookie("electsec_session")
    return server.request("GET", path, headers={"Cookie": f"electsec_session={cookie['value']}"}, bearer=False)


def no_console_errors(driver):
    # The pages carry no script; the CSP must not have had to block anything either.
    logs = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert not logs, logs


def test_a_county_walks_from_questionnaire_to_report(server, browser, store_path):
    d = browser
    d.get(server.login_url)
    assert d.current_url == server.base  # the token leaves the address bar
    cookie = d.get_cookie("electsec_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    shoot(d, "offices", 1280)

    # A new office.
    d.find_element(By.NAME, "id").send_keys("us-xx-new")
    d.find_element(By.NAME, "name").send_keys("New County")
    d.find_element(By.NAME, "state").send_keys("XX")
    click_and_wait(d, d.find_element(By.XPATH, "//button[text()='Add the office']"))
    assert d.current_url.endswith("/office/us-xx-new/questionnaire")

    # The questionnaire: yes to every Level 1 and Level 2 statement, no to Level 3.
    for radio in d.find_elements(By.CSS_SELECTOR, "input[type=radio]"):
        name, value = radio.get_attribute("name"), radio.get_attribute("value")
        if value == ("no" if name.startswith("s.l3.") else "yes"):
            radio.click()
    click_and_wait(d, d.find_element(By.XPATH, "//button[text()='Save the answers']"))
    assert "Answers saved" in d.page_source, d.find_element(By.TAG_NAME, "main").text[:300]
    # Most Level 1 statements and most Level 2 ones: the rule's conflict gives Level 1 ...
    cat = electsec.default_catalog()
    with electsec.Store.open(str(store_path)) as s:
        recorded = s.assessment("us-xx-new")
    assert recorded.answers and int(recorded.maturity) == electsec.determine_maturity(cat, recorded.answers).level
    shoot(d, "questionnaire", 1280)

    # The plan, in the guide's order; mark its first action done with a note.
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Plan"))
    first_step = d.find_element(By.CSS_SELECTOR, "details.step[open]")
    assert first_step.find_element(By.CSS_SELECTOR, ".rank").text == "1"
    action = first_step.find_element(By.CSS_SELECTOR, "li.action")
    action_id = action.get_attribute("id")[2:]
    Select(action.find_element(By.NAME, "status")).select_by_value("done")
    note = action.find_element(By.NAME, "note")
    note.clear()
    note.send_keys("Inventory sheet signed off <b>today</b>")
    click_and_wait(d, action.find_element(By.XPATH, ".//button[text()='Save']"))
    assert "/office/us-xx-new/plan" in d.current_url
    # Done actions leave the plan.
    assert not d.find_elements(By.ID, "a-" + action_id)
    shoot(d, "plan", 1280)
    shoot(d, "plan", 390)
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Open every step"))
    steps = d.find_elements(By.CSS_SELECTOR, "details.step")
    assert len(steps) > 1 and all(step.get_attribute("open") for step in steps)
    with electsec.Store.open(str(store_path)) as s:
        status = s.assessment("us-xx-new").statuses[action_id]
    assert status.status == "done" and status.note == "Inventory sheet signed off <b>today</b>"

    # The overview shows the progress, and the practice page can take it back.
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Overview"))
    assert "1 of" in d.find_element(By.CSS_SELECTOR, ".summary").text
    shoot(d, "office", 1280)
    practice = cat.practice_of_action(action_id).id
    d.get(server.base + f"office/us-xx-new/practice/{practice}")
    row = d.find_element(By.ID, "a-" + action_id)
    assert Select(row.find_element(By.NAME, "status")).first_selected_option.get_attribute("value") == "done"
    assert row.find_element(By.NAME, "note").get_attribute("value") == "Inventory sheet signed off <b>today</b>"

    # The report and the files.
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Reports and downloads"))
    links = {a.text: a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "ul.downloads a")}
    assert set(links) == {"report.html", "report.md", "assessment.json", "assessment.csv",
                          "oscal-assessment-results.json", "oscal-poam.json"}
    status, headers, body = fetch(server, d, "/office/us-xx-new/download/assessment.json")
    assert status == 200 and headers["content-disposition"].startswith("attachment")
    parsed = electsec.parse_assessment(body, cat)
    assert parsed.statuses[action_id].note == "Inventory sheet signed off <b>today</b>"
    status, headers, body = fetch(server, d, "/office/us-xx-new/download/report.html")
    assert status == 200 and "New County" in body and "<b>today</b>" not in body
    assert "script" not in headers["content-security-policy"]
    status, _, body = fetch(server, d, "/office/us-xx-new/download/assessment.csv")
    assert body.splitlines()[0] == "id,status,note,updated"
    for name in ("oscal-assessment-results.json", "oscal-poam.json", "report.md"):
        assert fetch(server, d, f"/office/us-xx-new/download/{name}")[0] == 200
    no_console_errors(d)


def test_a_state_lead_reads_the_dashboard(server, browser):
    d = browser
    d.get(server.login_url)
    click_and_wait(d, d.find_element(By.LINK_TEXT, "State dashboard"))
    Select(d.find_element(By.NAME, "state")).select_by_value("XX")
    d.find_element(By.NAME, "as_of").send_keys("10312026")  # Chromium's date field: month, day, year
    click_and_wait(d, d.find_element(By.XPATH, "//button[text()='Show']"))
    assert "as_of=2026-10-31" in d.current_url and "state=XX" in d.current_url
    summary = d.find_element(By.CSS_SELECTOR, ".summary").text
    assert "6 offices" in summary
    assert len(d.find_elements(By.CSS_SELECTOR, "figure.chart svg polyline")) == 2
    # County 6 never recorded anything: it stalls.
    stalled = d.find_elements(By.XPATH, "//h2[starts-with(., 'No progress')]/following-sibling::div[1]//td[1]")
    assert [c.text for c in stalled] == ["County 6"]
    shoot(d, "state", 1280)
    shoot(d, "state", 390)

    # Every table as CSV, with the dashboard's filters.
    hrefs = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "p.csv a")]
    assert len(hrefs) == 4 and all("state=XX" in h and "as_of=2026-10-31" in h for h in hrefs)
    headers_of = {}
    for href in hrefs:
        status, headers, body = fetch(server, d, href[len(server.base) - 1:])
        assert status == 200 and headers["content-type"].startswith("text/csv")
        headers_of[href.split("/state/")[1].split(".csv")[0]] = body.splitlines()[0]
        if "offices.csv" in href:
            assert len(body.splitlines()) == 1 + 6
    assert headers_of["offices"] == "id,name,state,kind,maturity,actions_done,actions_applicable,completion"
    assert headers_of["practices"].startswith("practice,actions_applicable,actions_done,completion")
    assert headers_of["trend"].startswith("period,as_of,practice,offices")
    assert headers_of["stalled"].endswith("last_change,days_without_change")

    # One office against its peers.
    click_and_wait(d, d.find_element(By.LINK_TEXT, "County 6"))
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Against its peers"))
    assert "percentile" in d.page_source
    shoot(d, "peers", 1280)

    # On paper: navigation and forms are left out, and the pages come out as a PDF.
    d.get(server.base + "state?state=XX&as_of=2026-10-31")
    pdf = base64.b64decode(d.print_page())
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") >= 1
    (SHOTS / "serve-state.pdf").write_bytes(pdf)
    no_console_errors(d)


def test_the_guide_links_both_ways(server, browser):
    d = browser
    d.get(server.login_url)
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Guide"))
    d.find_element(By.NAME, "q").send_keys("ransomware")
    click_and_wait(d, d.find_element(By.XPATH, "//button[text()='Search']"))
    assert d.find_elements(By.CSS_SELECTOR, "tbody tr")
    d.get(server.base + "guide/practice/backups")
    safeguard = d.find_element(By.CSS_SELECTOR, "a[href^='/guide/safeguard/']")
    safeguard_id = safeguard.text
    click_and_wait(d, safeguard)
    assert d.title.startswith("CIS Safeguard " + safeguard_id)
    click_and_wait(d, d.find_element(By.CSS_SELECTOR, "a[href='/guide/practice/backups']"))
    assert "/guide/practice/backups" in d.current_url
    shoot(d, "guide", 1280)
    shoot(d, "guide", 390)
    no_console_errors(d)


def test_a_county_records_its_systems_and_sees_electsecs_links(server, browser, store_path):
    d = browser
    d.get(server.login_url)
    d.get(server.base + "office/us-xx-c1")
    click_and_wait(d, d.find_element(By.LINK_TEXT, "Systems"))
    assert "No system recorded yet" in d.page_source

    def add(component, connectedness, note=""):
        form = d.find_element(By.CSS_SELECTOR, "form.grid")
        Select(form.find_element(By.NAME, "component")).select_by_value(component)
        Select(form.find_element(By.NAME, "connectedness")).select_by_value(connectedness)
        form.find_element(By.NAME, "note").send_keys(note)
        click_and_wait(d, d.find_element(By.XPATH, "//button[text()='Add']"))

    add("vote_capture", "indirect", "BMDs loaded by USB")
    assert "Added to the profile" in d.page_source
    add("pollbooks", "network")
    add("ems", "none")  # the guide's primer says this does not occur: the page says so
    main = d.find_element(By.TAG_NAME, "main").text
    assert "Vote Capture" in main and "BMDs loaded by USB" in main and "does not occur" in main
    # Every reason in the practices table is marked as electsec's.
    reasons = d.find_elements(By.CSS_SELECTOR, "ul.links li")
    assert reasons and all(": electsec: " in r.text for r in reasons), [r.text for r in reasons[:3]]
    with electsec.Store.open(str(store_path)) as s:
        assert [(u.component, u.connectedness) for u in s.assessment("us-xx-c1").systems] == [
            ("vote_capture", "indirect"), ("pollbooks", "network"), ("ems", "none")]
        assert s.history("us-xx-c1")[-1].source == "electsec-serve"
    no_console_errors(d)
    shoot(d, "systems", 1280)
    shoot(d, "systems", 390)
    # Taking one out.
    row = d.find_element(By.XPATH, "//tr[td[contains(., 'State and Local Election Management Systems')]]")
    click_and_wait(d, row.find_element(By.XPATH, ".//button[text()='Remove']"))
    assert "Taken out of the profile" in d.page_source
    with electsec.Store.open(str(store_path)) as s:
        assert [u.component for u in s.assessment("us-xx-c1").systems] == ["vote_capture", "pollbooks"]
