// JsonDuplicateKey: finds a key written twice in one object of valid JSON text. Qt's parser keeps the last
// value of such a key, so a workspace file merged or edited by hand, or a request body typed with the same
// key twice, would lose the first value without a word. The reader and the JSON body template refuse
// them with its answer.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace AuthStudio {

class JsonDuplicateKey
{
public:
    struct Found
    {
        qsizetype offset = 0; // in bytes of the UTF-8 text, at the second key's opening quote
        QString key; // as the parser reads it, escapes read
    };
    // The first key an object of `json` (valid JSON, UTF-8) names again; nothing when none does. Keys are
    // compared as the parser reads them: one spelt once with a \u escape and once without is caught (QA
    // pass 28: the later value silently won).
    static std::optional<Found> find(const QByteArray &json);
    // Every key named again, in the order they appear (a key written three times is found twice).
    static QList<Found> findAll(const QByteArray &json);

private:
    // Calls `found` for each repeated key until it returns false.
    static void scan(const QByteArray &json, const std::function<bool(const Found &)> &found);
};

} // namespace AuthStudio
