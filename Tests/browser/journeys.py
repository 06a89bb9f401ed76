#!/usr/bin/env python3
"""Browser journeys: the real `motcua serve` (demo data) driven by headless Chromium through Selenium.
A citizen finds a procedure and files it online (a draft saved, three files attached); the desk signs in, receives a counter dossier and prints form 01, accepts it on its
page; the specialist
finds it in the queue and sends it on, the leader signs, the desk finishes and returns the result; the citizen
follows it with the code and secret from the receipt, downloads the result and rates it; the control office uploads a
process, changes an account, announces a day off and finds an agency.

Usage: journeys.py BASE_URL SCREENSHOT_DIR
Walks what the pages offer today, saves a screenshot of every page visited, and on every page checks that each
input is labelled, that the first Tab reaches the skip link, and that text contrast meets WCAG AA. Exits non-zero
with the failed check's message."""
import base64, datetime, json, os, re, shutil, sys, tempfile

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, SHOTS = sys.argv[1].rstrip('/'), sys.argv[2]
os.makedirs(SHOTS, exist_ok=True)
for old in os.listdir(SHOTS):  # the folder holds this run's pages only
    if old.endswith(('.png', '.pdf')):
        os.remove(os.path.join(SHOTS, old))
PASSWORD = 'motcua2026'
visited = []


def check(condition, message):
    if not condition:
        raise AssertionError(message)


SAMPLES = tempfile.mkdtemp(prefix='motcua-upload-')
EXAMPLE_BPMN = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'docs', 'examples',
                                             'xac-nhan-tinh-trang-hon-nhan.bpmn'))


def sample(name, content):
    """A small file to upload, written to a temporary folder."""
    path = os.path.join(SAMPLES, name)
    with open(path, 'wb') as out:
        out.write(content)
    return path


RESULT_PDF = b'%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'

# The tracking page's first download form, posted as the browser would (cookies and all); the first bytes back.
DOWNLOAD_JS = r"""
const done = arguments[arguments.length - 1];
const form = document.querySelector('form[action="/tra-cuu/ket-qua"]');
if (!form) { done('no download form'); return; }
fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})
  .then(r => r.arrayBuffer()).then(b => done(String.fromCharCode(...new Uint8Array(b).slice(0, 4))))
  .catch(e => done(String(e)));"""


def submitted(driver, button):
    """Clicks a form's button and waits for the next page."""
    old = driver.find_element(By.TAG_NAME, 'html')
    button.click()
    WebDriverWait(driver, 10).until(lambda d: old.id != d.find_element(By.TAG_NAME, 'html').id)


def act(driver, action):
    """Submits the dossier page's form of one action."""
    submitted(driver, driver.find_element(By.CSS_SELECTOR, f'form.action input[name="action"][value="{action}"]')
              .find_element(By.XPATH, './ancestor::form').find_element(By.TAG_NAME, 'button'))


def sign_in(driver, username):
    """Signs out whoever is signed in, then signs `username` in."""
    out = driver.find_elements(By.CSS_SELECTOR, 'header.site button.link')
    if out:
        submitted(driver, out[0])
    driver.get(BASE + '/dang-nhap')
    driver.find_element(By.ID, 'username').send_keys(username)
    driver.find_element(By.ID, 'password').send_keys(PASSWORD)
    submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))


# Text contrast (WCAG 2.1 AA): 4.5:1, or 3:1 for large text, against the first opaque background behind it.
CONTRAST_JS = r"""
function lum(c){const v=c.match(/[\d.]+/g).slice(0,3).map(x=>{x/=255;return x<=0.03928?x/12.92:Math.pow((x+0.055)/1.055,2.4)});
 return 0.2126*v[0]+0.7152*v[1]+0.0722*v[2];}
function bg(e){for(;e;e=e.parentElement){const c=getComputedStyle(e).backgroundColor;const a=c.match(/[\d.]+/g);
 if(a&&(a.length<4||parseFloat(a[3])>0.5))return c;}return 'rgb(255,255,255)';}
const bad=[];
for(const e of document.querySelectorAll('body *')){
 if(!e.offsetParent&&getComputedStyle(e).position!=='fixed')continue;
 const own=[...e.childNodes].some(n=>n.nodeType===3&&n.textContent.trim());if(!own)continue;
 const s=getComputedStyle(e);const l1=lum(s.color),l2=lum(bg(e));const r=(Math.max(l1,l2)+0.05)/(Math.min(l1,l2)+0.05);
 const large=parseFloat(s.fontSize)>=24||(parseFloat(s.fontSize)>=18.66&&parseInt(s.fontWeight)>=700);
 if(r<(large?3:4.5))bad.push(e.tagName+' "'+e.textContent.trim().slice(0,40)+'" '+r.toFixed(2));}
return bad;"""

UNLABELLED_JS = r"""
return [...document.querySelectorAll('input,select,textarea')].filter(e=>e.type!=='hidden').filter(e=>
 !(e.id&&document.querySelector('label[for="'+e.id+'"]'))&&!e.getAttribute('aria-label')&&!e.closest('label'))
 .map(e=>e.name||e.outerHTML.slice(0,60));"""


def visit(driver, name):
    """Checks the page in the browser now and keeps its screenshot."""
    check(driver.execute_script('return document.documentElement.lang') == 'vi', f'{name}: page language is not vi')
    unlabelled = driver.execute_script(UNLABELLED_JS)
    check(not unlabelled, f'{name}: inputs without a label: {unlabelled}')
    low = driver.execute_script(CONTRAST_JS)
    check(not low, f'{name}: text below WCAG AA contrast: {low[:5]}')
    driver.find_element(By.TAG_NAME, 'body').send_keys(Keys.TAB)
    focused = driver.switch_to.active_element
    check('skip' in (focused.get_attribute('class') or ''), f'{name}: the first Tab does not reach the skip link')
    path = os.path.join(SHOTS, f'{len(visited) + 1:02d}-{name}.png')
    height = driver.execute_script('return document.documentElement.scrollHeight')
    driver.set_window_size(412, max(915, height))  # the whole page, as a phone shows it scrolled
    driver.save_screenshot(path)
    driver.set_window_size(412, 915)
    visited.append(path)


def main():
    options = webdriver.ChromeOptions()
    for flag in ('--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--window-size=412,915'):
        options.add_argument(flag)
    service = None
    if os.path.exists('/usr/bin/chromedriver'):  # Debian's chromium and chromium-driver: nothing to download
        options.binary_location = '/usr/bin/chromium'
        service = webdriver.ChromeService(executable_path='/usr/bin/chromedriver')
    driver = webdriver.Chrome(options=options, service=service)
    try:
        # A citizen on a phone finds a procedure without typing diacritics.
        driver.get(BASE + '/')
        visit(driver, 'trang-chu')
        box = driver.find_element(By.ID, 'q')
        box.send_keys('dang ky khai sinh')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.search button'))
        titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, '.card h2')]
        check('Đăng ký khai sinh' in titles, f'search without diacritics found {titles}')
        visit(driver, 'tim-thu-tuc')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Đăng ký khai sinh'))
        check(driver.find_element(By.TAG_NAME, 'h1').text == 'Đăng ký khai sinh', 'procedure page title')
        check('Giấy chứng sinh' in driver.page_source, 'the procedure page lists the documents to bring')
        visit(driver, 'thu-tuc')

        # She files the birth registration online: signs in with her level 2 e-ID at the identity provider (the
        # simulator, a separate process), saves a draft, attaches the three documents, files it, and keeps the
        # receipt with its tracking secret.
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Nộp hồ sơ trực tuyến'))
        check('Đăng nhập VNeID' in driver.title and 'LoA2' in driver.page_source, 'online filing starts at the e-ID, level 2 asked')
        people = Select(driver.find_element(By.ID, 'chon'))
        chosen = next(o for o in people.options if 'tài khoản mức 2' in o.text)
        personal_id = chosen.get_attribute('value')
        people.select_by_value(personal_id)
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'button[value="allow"]'))
        check(driver.find_element(By.ID, 'personalId').get_attribute('value') == personal_id, 'the form carries her e-ID personal ID')
        check(driver.find_element(By.ID, 'personalId').get_attribute('readonly') is not None, 'which she cannot change')
        check('(VNeID mức 2)' in driver.find_element(By.CSS_SELECTOR, 'header').text, 'the header says who is signed in')
        visit(driver, 'nop-truc-tuyen')
        Select(driver.find_element(By.ID, 'agencyCode')).select_by_value('000.30.01.H26')
        address = driver.find_element(By.ID, 'address').get_attribute('value')
        check('Hà Nội' in address and 'CSDL quốc gia về dân cư' in driver.page_source,
              f'her permanent residence is filled in from the population registry: {address}')
        driver.find_element(By.ID, 'phone').send_keys('0912345678')
        driver.find_element(By.ID, 'file-0').send_keys(sample('to-khai.pdf', b'%PDF-1.4\n%%EOF\n'))
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'button[value="luu-nhap"]'))
        check('Đã lưu hồ sơ nháp' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the draft is saved')
        check('Đã đính kèm: to-khai.pdf' in driver.page_source, 'the attached file is kept')
        visit(driver, 'nop-truc-tuyen-nhap')
        driver.find_element(By.ID, 'file-1').send_keys(sample('giay-chung-sinh.jpg', bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) + b'JFIF'))
        driver.find_element(By.ID, 'file-2').send_keys(sample('cccd.png', bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0])))
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'button[value="nop"]'))
        sheet = driver.find_element(By.CSS_SELECTOR, '.form-sheet').text
        online_code = sheet.split('Mã hồ sơ: ')[1].split()[0]
        online_secret = re.search(r'mã tra cứu: ([0-9A-Z]{4}-[0-9A-Z]{4})', sheet).group(1)
        visit(driver, 'nop-truc-tuyen-bien-nhan')

        # The desk officer signs in: an empty form and a wrong password are refused next to the field.
        driver.get(BASE + '/dang-nhap')
        visit(driver, 'dang-nhap')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check(driver.find_element(By.ID, 'username-error').text == 'Nhập tên đăng nhập.', 'empty username refused')
        driver.find_element(By.ID, 'username').send_keys('motcua.badinh')
        driver.find_element(By.ID, 'password').send_keys('sai-mat-khau')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check('không đúng' in driver.find_element(By.ID, 'password-error').text, 'wrong password refused')
        check(driver.find_element(By.ID, 'username').get_attribute('value') == 'motcua.badinh', 'username kept')
        visit(driver, 'dang-nhap-loi')
        driver.find_element(By.ID, 'password').send_keys(PASSWORD)
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check(driver.find_element(By.TAG_NAME, 'h1').text == 'Việc của tôi', 'signed in, at my work')
        visit(driver, 'viec-cua-toi-mot-cua')

        # A counter dossier received at the desk: the procedure picked, the applicant typed, the documents ticked;
        # a wrong personal ID is refused next to its field with everything typed kept; then form 01 prints.
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Tiếp nhận hồ sơ'))
        driver.find_element(By.ID, 'q').send_keys('tinh trang hon nhan')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.search button'))
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Cấp Giấy xác nhận tình trạng hôn nhân'))
        visit(driver, 'tiep-nhan')
        driver.find_element(By.ID, 'name').send_keys('Nguyễn Văn An')
        driver.find_element(By.ID, 'personalId').send_keys('12345')
        driver.find_element(By.ID, 'address').send_keys('Số 1 phố Đội Cấn, phường Ba Đình')
        driver.find_element(By.ID, 'phone').send_keys('0912345678')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'main form[method="post"] button[type="submit"]'))
        check(driver.find_element(By.ID, 'personalId-error').text, 'a wrong personal ID is refused next to the field')
        check(driver.find_element(By.ID, 'name').get_attribute('value') == 'Nguyễn Văn An', 'the name typed is kept')
        visit(driver, 'tiep-nhan-loi')
        box = driver.find_element(By.ID, 'personalId')
        box.clear()
        box.send_keys('001090012345')
        driver.find_element(By.NAME, 'scan-0').send_keys(sample('to-khai-quet.pdf', RESULT_PDF))
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'main form[method="post"] button[type="submit"]'))
        code = driver.find_element(By.CSS_SELECTOR, '.form-sheet').text.split('Mã hồ sơ: ')[1].split()[0]
        check(driver.current_url.endswith(f'/can-bo/ho-so/{code}/mau/01'), 'the intake opens form 01 to print')
        check(code in driver.find_element(By.CSS_SELECTOR, '.form-sheet').text, 'form 01 carries the dossier code')
        check('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ' in driver.find_element(By.ID, 'form-title').text.upper(), 'form 01 title')
        secret = re.search(r'mã tra cứu: ([0-9A-Z]{4}-[0-9A-Z]{4})', driver.find_element(By.CSS_SELECTOR, '.form-sheet').text)
        check(secret, 'form 01 prints the tracking secret')
        visit(driver, 'mau-01')
        pdf = driver.execute_cdp_cmd('Page.printToPDF', {'paperWidth': 8.27, 'paperHeight': 11.69, 'printBackground': False})
        with open(os.path.join(SHOTS, 'mau-01.pdf'), 'wb') as out:
            out.write(base64.b64decode(pdf['data']))

        # On the dossier's page the desk accepts it and sends it into its process; a supplement request
        # without a reason is refused next to the action.
        driver.get(f'{BASE}/can-bo/ho-so/{code}')
        check('to-khai-quet.pdf' in driver.find_element(By.CSS_SELECTOR, '.facts').text, 'the desk scan is kept with the dossier')
        visit(driver, 'ho-so-moi')
        act(driver, 'tiep-nhan')
        check('Đã thực hiện: Tiếp nhận.' in driver.page_source, 'accepted')
        act(driver, 'yeu-cau-bo-sung')
        check(driver.find_element(By.ID, 'loi-yeu-cau-bo-sung').text == 'Cần ghi rõ lý do.', 'a supplement request needs a reason')
        visit(driver, 'ho-so-thieu-ly-do')
        act(driver, 'chuyen-buoc')

        # The specialist finds it in the unit's queue and asks the applicant for a missing document (form 02;
        # the clock stops); the desk records the supplement; the specialist sends it on; the leader signs; the
        # desk finishes and hands the result over; form 06 shows every hand-off.
        sign_in(driver, 'chuyenvien.badinh')
        rows = driver.find_elements(By.CSS_SELECTOR, 'tbody tr')
        check(any(code in row.text and 'Chờ trong hàng' in row.text for row in rows), f'specialist queue: {[r.text for r in rows]}')
        visit(driver, 'viec-cua-toi-chuyen-vien')
        Select(driver.find_element(By.ID, 'holding')).select_by_value('cho-nhan')
        Select(driver.find_element(By.ID, 'deadline')).select_by_value('con-han')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.filters button'))
        check(code in driver.find_element(By.CSS_SELECTOR, 'main').text and 'khớp điều kiện lọc' in driver.page_source,
              'the queue filtered to waiting items in time still lists the dossier')
        visit(driver, 'viec-cua-toi-loc')
        submitted(driver, driver.find_element(By.LINK_TEXT, code))
        form = driver.find_element(By.CSS_SELECTOR, 'form.action input[name="action"][value="yeu-cau-bo-sung"]').find_element(By.XPATH, './ancestor::form')
        form.find_element(By.TAG_NAME, 'textarea').send_keys('Thiếu bản chính giấy tờ tùy thân')
        act(driver, 'yeu-cau-bo-sung')
        check('Tạm dừng tính thời hạn' in driver.find_element(By.CSS_SELECTOR, '.facts').text, 'the clock stops')
        submitted(driver, driver.find_element(By.PARTIAL_LINK_TEXT, 'Mẫu 02'))
        check('Thiếu bản chính giấy tờ tùy thân' in driver.find_element(By.CSS_SELECTOR, '.form-sheet').text, 'form 02 gives the reason')
        visit(driver, 'mau-02')

        # The citizen answers it online from the tracking page, with the receipt's code and secret.
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'header.site button.link'))
        driver.get(BASE + '/tra-cuu')
        driver.find_element(By.ID, 'code').send_keys(code)
        driver.find_element(By.ID, 'secret').send_keys(secret.group(1))
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check('Thiếu bản chính giấy tờ tùy thân' in driver.find_element(By.CSS_SELECTOR, '.alert').text, 'the request is shown')
        driver.find_element(By.ID, 'supply-file-0').send_keys(sample('cccd-ban-chinh.jpg', bytes([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]) + b'JFIF'))
        driver.find_element(By.ID, 'supply-note').send_keys('Gửi ảnh chụp căn cước bản chính.')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/tra-cuu/bo-sung"] button'))
        check('Đã gửi giấy tờ bổ sung' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the supplement is sent')
        visit(driver, 'gui-bo-sung')
        sign_in(driver, 'motcua.badinh')
        driver.get(f'{BASE}/can-bo/ho-so/{code}')
        check('cccd-ban-chinh.jpg' in driver.find_element(By.CSS_SELECTOR, '.facts').text, 'the desk sees what was sent')
        for officer, actions in (('motcua.badinh', ['da-bo-sung']), ('chuyenvien.badinh', ['chuyen-buoc']),
                                 ('lanhdao.badinh', ['chuyen-buoc']), ('motcua.badinh', ['hoan-thanh'])):
            sign_in(driver, officer)
            driver.get(f'{BASE}/can-bo/ho-so/{code}')
            for action in actions:
                act(driver, action)
        # Decided: the desk attaches the signed result for the citizen to download, then hands it over.
        driver.find_element(By.ID, 'result-file').send_keys(sample('giay-xac-nhan.pdf', RESULT_PDF))
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form[action$="/ket-qua"] button'))
        check('Đã đính kèm kết quả' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the result is attached')
        visit(driver, 'dinh-kem-ket-qua')
        act(driver, 'tra-ket-qua')
        check('Đã trả kết quả' in driver.find_element(By.CSS_SELECTOR, '.facts').text, 'the result was handed over')
        visit(driver, 'ho-so-da-tra-ket-qua')
        submitted(driver, driver.find_element(By.PARTIAL_LINK_TEXT, 'Mẫu 06'))
        handoffs = driver.find_elements(By.CSS_SELECTOR, '.form-sheet tbody tr')
        check(len(handoffs) >= 4, f'form 06 has a row per hand-off: {[r.text for r in handoffs]}')
        visit(driver, 'mau-06')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Sổ theo dõi'))
        check(code in driver.find_element(By.CSS_SELECTOR, '.form-sheet').text, 'the register (form 07) lists the dossier')
        visit(driver, 'so-theo-doi')

        # The citizen follows the dossier with the code and the secret from the receipt, typed in lower case.
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'header.site button.link'))
        driver.get(BASE + '/tra-cuu')
        visit(driver, 'tra-cuu')
        driver.find_element(By.ID, 'code').send_keys(code)
        driver.find_element(By.ID, 'secret').send_keys(secret.group(1).lower())
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check(driver.find_element(By.TAG_NAME, 'h1').text == f'Hồ sơ {code}', 'the tracking page opens')
        steps = driver.find_element(By.CSS_SELECTOR, '.timeline').text
        check(steps.count('Xong lúc') == 3, f'each step shows when it was done: {steps}')
        check(driver.execute_async_script(DOWNLOAD_JS) == '%PDF', 'the citizen downloads the result with the code and secret')
        visit(driver, 'ho-so-cua-cong-dan')
        driver.find_element(By.ID, 'muc-hai-long').click()
        driver.find_element(By.ID, 'comment').send_keys('Cán bộ hướng dẫn tận tình.')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/tra-cuu/danh-gia"] button'))
        check('Cảm ơn' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the rating is thanked for')
        check('Hài lòng: “Cán bộ hướng dẫn tận tình.”' in driver.page_source, 'the rating is shown')
        visit(driver, 'danh-gia')

        # The control office uploads a process drawn in a modeler; the new version is listed with its BPMN.
        sign_in(driver, 'quantri')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Quy trình nội bộ'))
        driver.find_element(By.ID, 'procedureCode').send_keys('1.004873')
        driver.find_element(By.ID, 'file').send_keys(EXAMPLE_BPMN)
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'main form button'))
        check('Đã lưu phiên bản 2 của quy trình 1.004873' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the process is saved')
        visit(driver, 'quy-trinh-noi-bo')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Ủy quyền'))
        visit(driver, 'uy-quyen')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Danh mục'))
        check('45 thủ tục trong danh mục.' in driver.page_source, 'the catalog page lists the demo catalog')
        visit(driver, 'danh-muc')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Cán bộ'))
        visit(driver, 'can-bo')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'chuyenvien2.badinh'))
        box = driver.find_element(By.ID, 'fullName')
        box.clear()
        box.send_keys('Ngô Văn Thụ Lý (phường Ba Đình)')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'main form button'))
        check('Đã lưu tài khoản chuyenvien2.badinh' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the account is changed')
        visit(driver, 'tai-khoan')
        # A day off announced for a weekday two months ahead counts at once; a working day on a weekday is refused.
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Lịch nghỉ'))
        day = datetime.date.today() + datetime.timedelta(days=60)
        day += datetime.timedelta(days=8 - day.isoweekday() if day.isoweekday() > 5 else 0)
        driver.execute_script('document.getElementById("date").value = arguments[0]', day.isoformat())
        Select(driver.find_element(By.ID, 'kind')).select_by_value('lam-viec')
        driver.find_element(By.ID, 'name').send_keys('Nghỉ bù thử nghiệm')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/quan-tri/lich"] button'))
        check(driver.find_element(By.ID, 'kind-error').text, 'a working day on a weekday is refused next to the field')
        Select(driver.find_element(By.ID, 'kind')).select_by_value('nghi')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form[action="/quan-tri/lich"] button'))
        check('lịch mới áp dụng ngay' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the day is announced')
        visit(driver, 'lich-nghi')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, f'form[action="/quan-tri/lich/bo"] input[value="{day.isoformat()}"]')
                  .find_element(By.XPATH, './ancestor::form').find_element(By.TAG_NAME, 'button'))
        check('Đã bỏ ngày' in driver.find_element(By.CSS_SELECTOR, '.notice').text, 'the day is removed again')
        submitted(driver, driver.find_element(By.LINK_TEXT, 'Cơ quan'))
        driver.find_element(By.ID, 'q').send_keys('cong an phuong ba dinh')
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.filters button'))
        check('Công an Phường Ba Đình' in driver.find_element(By.CSS_SELECTOR, 'main table').text, 'agencies are found without diacritics')
        visit(driver, 'co-quan')
        driver.get(BASE + '/tra-cuu')
        driver.find_element(By.ID, 'code').send_keys(online_code)
        driver.find_element(By.ID, 'secret').send_keys(online_secret)
        submitted(driver, driver.find_element(By.CSS_SELECTOR, 'form.narrow button'))
        check('Mới đăng ký' in driver.find_element(By.CSS_SELECTOR, '.facts').text, 'the online filing awaits the desk')
        visit(driver, 'ho-so-nop-truc-tuyen')
    finally:
        driver.quit()
        shutil.rmtree(SAMPLES, ignore_errors=True)
    print(json.dumps({'pages': len(visited), 'screenshots': SHOTS}))


if __name__ == '__main__':
    main()
