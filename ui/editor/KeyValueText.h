// KeyValueText: a name/value table as lines of text, for copying rows out of a table and pasting many in
// at once ("bulk edit", as API tools call it): `Name: value` for headers, `name=value` for the others,
// a row that is off as `// Name: value`. Pasted text is read the same way, also with a tab between name
// and value, as a spreadsheet copies it, and a curl command (a browser's "Copy as cURL").
#pragma once

#include "model/KeyValue.h"

#include <QString>
#include <QStringList>

namespace AuthStudio {

class KeyValueText
{
public:
    enum class Style { Header, Assignment };

    // One line per row, ending with a line break.
    static QString format(const KeyValueList &rows, Style style);
    // The rows the lines of `text` hold, blank lines skipped. A line with no separator is a name with an
    // empty value. A curl command gives its headers (Style::Header) or its address's query parameters
    // (Style::Assignment); `leftOut` then gets what of the command the rows don't carry ("-X POST",
    // "--data-raw (a body)", "-u (a user and password)"), never a value that could be a secret.
    static KeyValueList parse(const QString &text, Style style = Style::Header,
                              QStringList *leftOut = nullptr);
    // Whether pasted text is rows rather than one value for a cell: it has a line break (format()'s text
    // always ends with one) or a tab, or is a curl command. One line without them is a value: a token
    // (`dGVzdA==`) or an address
    // (`https://x?a=b`) has a ':' or '=' too.
    static bool looksLikeRows(const QString &text);
};

} // namespace AuthStudio
