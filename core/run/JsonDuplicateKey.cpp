#include "JsonDuplicateKey.h"

#include <QSet>

namespace AuthStudio {

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
                const QByteArray key = json.mid(start, i - start);
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
