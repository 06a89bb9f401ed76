"""What the fault scripts' desks send: an intake as the API takes it, and the desk page's form with a scan attached,
as the browser posts it."""
import uuid


def intake_body(key):
    """An intake for the API; the key is part of the applicant's name, so each dossier can be matched with what was
    sent."""
    return {'procedureCode': '1.004873', 'channel': 1,
            'applicant': {'kind': 'cong-dan', 'name': f'Người nộp {key}', 'personalId': '001090012345',
                          'address': 'Số 1 phố Đội Cấn, phường Ba Đình'},
            'documents': [{'name': 'Tờ khai', 'originals': 1, 'copies': 0}], 'request': 'Xác nhận tình trạng hôn nhân'}


def multipart(fields, files):
    """A form as a browser posts it with files: its body and its Content-Type."""
    boundary = uuid.uuid4().hex
    parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
             for name, value in fields.items()]
    parts += [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{file_name}"\r\n'
              f'Content-Type: application/pdf\r\n\r\n'.encode() + content + b'\r\n'
              for name, (file_name, content) in files.items()]
    return b''.join(parts) + f'--{boundary}--\r\n'.encode(), f'multipart/form-data; boundary={boundary}'


def scanned_intake(key, csrf):
    """The desk page's form for an intake whose first document's scan is attached (the key names the applicant and is
    the form's submission number), its Content-Type, and the scan. `csrf` is the browser's anti-forgery token: the
    form's field, and the cookie `motcua_csrf` sent with it."""
    scan = b'%PDF-1.7\n% ' + key.encode() + b'\n%%EOF\n'
    body, content_type = multipart({
        'csrf': csrf, 'submission': key, 'procedureCode': '1.004873', 'sets': '1', 'kind': 'cong-dan',
        'name': f'Người nộp {key}', 'personalId': '001090012345', 'address': 'Số 1 phố Đội Cấn, phường Ba Đình',
        'request': 'Xác nhận tình trạng hôn nhân', 'doc-0': 'on', 'originals-0': '1', 'copies-0': '0'},
        {'scan-0': ('to-khai.pdf', scan)})
    return body, content_type, scan
