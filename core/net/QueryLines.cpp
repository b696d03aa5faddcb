#include "QueryLines.h"

#include <QStringList>

namespace AuthStudio::QueryLines {

bool parseHeader(const QString &line, KeyValue &header)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon < 0 || line.left(colon).trimmed().isEmpty())
        return false;
    header = {line.left(colon).trimmed(), line.mid(colon + 1).trimmed()};
    return true;
}

bool parseParameter(const QString &line, KeyValue &parameter)
{
    const qsizetype equals = line.indexOf(QLatin1Char('='));
    const QString name = (equals < 0 ? line : line.left(equals)).trimmed();
    if (name.isEmpty())
        return false;
    parameter = {name, equals < 0 ? QString() : line.mid(equals + 1).trimmed()};
    return true;
}

std::optional<KeyValueList> parse(const QString &text, Kind kind, QString *error)
{
    KeyValueList rows;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        KeyValue row;
        const bool ok = kind == Kind::Headers ? parseHeader(line, row) : parseParameter(line, row);
        if (!ok) {
            if (error) {
                *error = QStringLiteral("line %1: expected %2")
                             .arg(i + 1)
                             .arg(kind == Kind::Headers ? QStringLiteral("Name: value")
                                                        : QStringLiteral("name=value"));
            }
            return std::nullopt;
        }
        rows.append(row);
    }
    return rows;
}

} // namespace AuthStudio::QueryLines
