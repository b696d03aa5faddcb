#include "ScopeSearch.h"

#include "ScopeModel.h"
#include "script/SecretMasker.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace AuthStudio {

namespace {

class Searcher
{
public:
    Searcher(const Scope &scope, const QString &text, bool reveal, const std::atomic_bool *cancelled)
        : m_scope(scope)
        , m_masker(scope.secrets())
        , m_text(text)
        , m_reveal(reveal)
        , m_cancelled(cancelled)
    { }

    // Fills `into` with the kept rows under `value` (an object or an array); whether any is kept.
    bool search(const QJsonValue &value, bool topLevel, bool secretName, ScopeSearch::Row &into)
    {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            int row = 0;
            for (auto it = object.constBegin(); it != object.constEnd() && !stopped(); ++it, ++row) {
                const QString key = it.key();
                visit(row, key, false, it.value(), topLevel ? m_scope.isSecretName(key) : secretName, into);
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            int row = 0;
            for (auto it = array.constBegin(); it != array.constEnd() && !stopped(); ++it, ++row)
                visit(row, QString(), true, *it, secretName, into);
        }
        return !into.children.empty();
    }

private:
    void visit(int row, const QString &key, bool isArrayItem, const QJsonValue &value, bool secretName,
               ScopeSearch::Row &into)
    {
        ScopeSearch::Row found;
        found.row = row;
        found.key = key;
        found.matches = ScopeModel::filterTextOf(key, isArrayItem, value, secretName, m_reveal, m_masker)
                            .contains(m_text, Qt::CaseInsensitive);
        if (found.matches || search(value, false, secretName, found))
            into.children.push_back(std::move(found));
    }

    bool stopped()
    {
        // An atomic load per row is cheap next to the row's text; checking every row keeps a cancelled
        // search from holding a pool thread for long.
        return m_cancelled && m_cancelled->load(std::memory_order_relaxed);
    }

    const Scope &m_scope;
    const SecretMasker m_masker;
    const QString m_text;
    const bool m_reveal;
    const std::atomic_bool *m_cancelled;
};

} // namespace

ScopeSearch ScopeSearch::run(const Scope &scope, const QString &text, bool reveal,
                             const std::atomic_bool *cancelled)
{
    ScopeSearch result;
    result.m_text = text;
    result.m_reveal = reveal;
    if (!text.isEmpty())
        Searcher(scope, text, reveal, cancelled).search(scope.values(), true, false, result.m_top);
    return result;
}

const ScopeSearch::Row *ScopeSearch::child(const Row &parent, int row, const QString &key)
{
    const auto found = std::lower_bound(parent.children.cbegin(), parent.children.cend(), row,
                                        [](const Row &kept, int wanted) { return kept.row < wanted; });
    if (found != parent.children.cend() && found->row == row && found->key == key)
        return &*found;
    if (key.isEmpty())
        return nullptr; // an array item: by its position only
    // The row of another snapshot of the scope: look for its key.
    const auto byKey = std::find_if(parent.children.cbegin(), parent.children.cend(),
                                    [&key](const Row &kept) { return kept.key == key; });
    return byKey != parent.children.cend() ? &*byKey : nullptr;
}

} // namespace AuthStudio
