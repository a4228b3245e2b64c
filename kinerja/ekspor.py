"""Safe cells for CSV/XLSX exports opened in a spreadsheet.

Text typed by users (an activity description, a comment) that starts with ``=``, ``+``, ``-``, ``@``
or a control character would run as a formula in Excel or LibreOffice (CSV/formula injection);
such cells get a leading apostrophe, which spreadsheets show as plain text.
"""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def sel_aman(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value
