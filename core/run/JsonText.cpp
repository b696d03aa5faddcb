#include "JsonText.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AuthStudio::JsonText {

void appendString(QByteArray &json, QByteArrayView utf8)
{
    json += '"';
    qsizetype plainFrom = 0; // runs that need no escaping are appended in one go
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        json.append(utf8.data() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (byte) {
        case '"':
            json += "\\\"";
            break;
        case '\\':
            json += "\\\\";
            break;
        case '\n':
            json += "\\n";
            break;
        case '\r':
            json += "\\r";
            break;
        case '\t':
            json += "\\t";
            break;
        default:
            json += "\\u00";
            json += "0123456789abcdef"[byte >> 4];
            json += "0123456789abcdef"[byte & 0xF];
        }
    }
    json.append(utf8.data() + plainFrom, utf8.size() - plainFrom);
    json += '"';
}

namespace {

void spend(const QJsonValue &value, qsizetype &budget)
{
    if (budget <= 0)
        return;
    switch (value.type()) {
    case QJsonValue::String:
        budget -= value.toString().size() + 2;
        break;
    case QJsonValue::Array: {
        // Walked const: a range-for over the temporary toArray() would detach it, copying every item of
        // an array the scope shares (200 000 of them in a 21 MB reply) to read a few.
        const QJsonArray array = value.toArray();
        for (auto it = array.constBegin(); it != array.constEnd() && budget > 0; ++it)
            spend(*it, budget);
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        for (auto it = object.constBegin(); it != object.constEnd() && budget > 0; ++it) {
            budget -= it.key().size() + 3;
            spend(it.value(), budget);
        }
        break;
    }
    default:
        budget -= 8;
        break;
    }
}

} // namespace

qsizetype sizeUpTo(const QJsonValue &value, qsizetype limit)
{
    qsizetype budget = limit;
    spend(value, budget);
    return limit - budget;
}

QString indented(QStringView json)
{
    QString out;
    out.reserve(json.size() + json.size() / 4);
    int depth = 0;
    const auto newLine = [&out, &depth] {
        out += QLatin1Char('\n');
        out += QString(2 * depth, QLatin1Char(' '));
    };
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = json.at(i);
        if (c == QLatin1Char('"')) {
            qsizetype end = i + 1;
            while (end < size && json.at(end) != QLatin1Char('"'))
                end += json.at(end) == QLatin1Char('\\') ? 2 : 1;
            out += json.mid(i, std::min(end, size - 1) - i + 1);
            i = end;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('[')) {
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
            qsizetype next = i + 1;
            while (next < size && json.at(next).isSpace())
                ++next;
            out += c;
            if (next < size && json.at(next) == close) { // empty: stays on its line
                out += close;
                i = next;
                continue;
            }
            ++depth;
            newLine();
        } else if (c == QLatin1Char('}') || c == QLatin1Char(']')) {
            depth = std::max(0, depth - 1);
            newLine();
            out += c;
        } else if (c == QLatin1Char(',')) {
            out += c;
            newLine();
        } else if (c == QLatin1Char(':')) {
            out += QLatin1String(": ");
        } else if (!c.isSpace()) {
            out += c;
        }
    }
    return out;
}

qsizetype longestLine(QStringView text)
{
    qsizetype longest = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text.at(i) == QLatin1Char('\n')) {
            longest = std::max(longest, i - start);
            start = i + 1;
        }
    }
    return longest;
}

} // namespace AuthStudio::JsonText
