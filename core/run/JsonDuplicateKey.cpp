#include "JsonDuplicateKey.h"

#include <QSet>

namespace AuthStudio {

namespace {

// A JSON string's text (between its quotes, valid JSON) with its escapes read, in UTF-8.
QByteArray unescaped(const QByteArray &written)
{
    QString text;
    const qsizetype size = written.size();
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < size; ++i) {
        if (written.at(i) != '\\')
            continue;
        text += QString::fromUtf8(written.mid(plainFrom, i - plainFrom));
        const char escape = i + 1 < size ? written.at(i + 1) : '\\';
        switch (escape) {
        case 'b':
            text += u'\b';
            break;
        case 'f':
            text += u'\f';
            break;
        case 'n':
            text += u'\n';
            break;
        case 'r':
            text += u'\r';
            break;
        case 't':
            text += u'\t';
            break;
        case 'u':
            text += QChar(char16_t(written.mid(i + 2, 4).toUShort(nullptr, 16))); // pairs join up
            i += 4;
            break;
        default: // " \ /
            text += QLatin1Char(escape);
        }
        ++i;
        plainFrom = i + 1;
    }
    text += QString::fromUtf8(written.mid(plainFrom));
    return text.toUtf8();
}

} // namespace

std::optional<JsonDuplicateKey::Found> JsonDuplicateKey::find(const QByteArray &json)
{
    std::optional<Found> first;
    scan(json, [&first](const Found &found) {
        first = found;
        return false;
    });
    return first;
}

QList<JsonDuplicateKey::Found> JsonDuplicateKey::findAll(const QByteArray &json)
{
    QList<Found> all;
    scan(json, [&all](const Found &found) {
        all.append(found);
        return true;
    });
    return all;
}

void JsonDuplicateKey::scan(const QByteArray &json, const std::function<bool(const Found &)> &found)
{
    struct Level
    {
        bool object = false;
        bool expectingKey = false;
        QSet<QByteArray> keys;
    };
    QList<Level> levels;
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        switch (json.at(i)) {
        case '"': {
            const qsizetype start = i + 1;
            for (++i; i < size && json.at(i) != '"'; ++i) {
                if (json.at(i) == '\\')
                    ++i; // the escaped character, a quote perhaps
            }
            if (!levels.isEmpty() && levels.last().object && levels.last().expectingKey) {
                Level &level = levels.last();
                level.expectingKey = false;
                const QByteArray written = json.mid(start, i - start);
                // Compared as the parser reads them: "na\u006de" is "name".
                const QByteArray key = written.contains('\\') ? unescaped(written) : written;
                if (!level.keys.contains(key))
                    level.keys.insert(key);
                else if (!found(Found {start - 1, QString::fromUtf8(key)}))
                    return;
            }
            break;
        }
        case '{':
            levels.append({true, true, {}});
            break;
        case '[':
            levels.append({false, false, {}});
            break;
        case '}':
        case ']':
            if (!levels.isEmpty())
                levels.removeLast();
            break;
        case ',':
            if (!levels.isEmpty() && levels.last().object)
                levels.last().expectingKey = true;
            break;
        default:
            break;
        }
    }
}

} // namespace AuthStudio
