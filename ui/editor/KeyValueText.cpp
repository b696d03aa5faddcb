#include "KeyValueText.h"

#include <QRegularExpression>

namespace AuthStudio {

namespace {

const QString DisabledMark = QStringLiteral("//");

// Where the name ends: at a tab if the line has one (a spreadsheet's columns), else at the first ':' or '='
// (so `Authorization: Bearer a=b` and `next=https://x` both split where meant). A leading ':' belongs to
// the name (HTTP/2's `:authority`, as browsers' tools show it, left out by parse()). -1: no separator.
qsizetype separatorOf(const QString &line)
{
    const qsizetype tab = line.indexOf(QLatin1Char('\t'));
    if (tab >= 0)
        return tab;
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (line.at(i) == QLatin1Char(':') || line.at(i) == QLatin1Char('='))
            return i;
    }
    return -1;
}

QStringList linesOf(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\n|\r"));
    return text.split(lineBreak);
}

// A line of a curl command, as a browser's "Copy as cURL" writes it (`-H 'Accept: */*' \`): the header of
// a header option; nothing for the command's other lines (its address, -X, --data).
QString curlHeader(QString line)
{
    if (line.endsWith(QLatin1Char('\\')))
        line = line.chopped(1).trimmed(); // the command goes on on the next line
    for (const QLatin1String option : {QLatin1String("-H "), QLatin1String("--header ")}) {
        if (!line.startsWith(option))
            continue;
        line = line.mid(option.size()).trimmed();
        if (line.size() >= 2 && (line.front() == QLatin1Char('\'') || line.front() == QLatin1Char('"')) &&
            line.back() == line.front())
            line = line.mid(1, line.size() - 2);
        return line;
    }
    return {};
}

} // namespace

QString KeyValueText::format(const KeyValueList &rows, Style style)
{
    const QString separator = style == Style::Header ? QStringLiteral(": ") : QStringLiteral("=");
    QString text;
    for (const KeyValue &row : rows) {
        if (!row.enabled)
            text += DisabledMark + QLatin1Char(' ');
        text += row.name + separator + row.value + QLatin1Char('\n');
    }
    return text;
}

KeyValueList KeyValueText::parse(const QString &text)
{
    KeyValueList rows;
    const bool curl = text.trimmed().startsWith(QLatin1String("curl "));
    for (QString line : linesOf(text)) {
        line = line.trimmed();
        if (curl)
            line = curlHeader(line).trimmed();
        if (line.isEmpty())
            continue;
        KeyValue row;
        if (line.startsWith(DisabledMark)) {
            row.enabled = false;
            line = line.mid(DisabledMark.size()).trimmed();
        }
        const qsizetype separator = separatorOf(line);
        row.name = (separator < 0 ? line : line.left(separator)).trimmed();
        row.value = separator < 0 ? QString() : line.mid(separator + 1).trimmed();
        // HTTP/2's pseudo-headers (:authority, :method, :path, :scheme), which a browser's "copy request
        // headers" starts with, aren't headers a request can carry (QA pass 45: pasted, each was a row
        // Save refused).
        if (row.name.startsWith(QLatin1Char(':')))
            continue;
        if (!row.name.isEmpty() || !row.value.isEmpty())
            rows.append(row);
    }
    return rows;
}

bool KeyValueText::looksLikeRows(const QString &text)
{
    return !text.trimmed().isEmpty() &&
        (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
         text.contains(QLatin1Char('\t')));
}

} // namespace AuthStudio
