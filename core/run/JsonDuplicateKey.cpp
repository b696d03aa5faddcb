#include "JsonDuplicateKey.h"

#include <QList>
#include <QSet>

namespace AuthStudio {

std::optional<JsonDuplicateKey::Found> JsonDuplicateKey::find(const QByteArray &json)
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
                if (level.keys.contains(key))
                    return Found {start - 1, QString::fromUtf8(key)};
                level.keys.insert(key);
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
    return std::nullopt;
}

} // namespace AuthStudio
