// ScopeSearch: which rows of a scope the inspector's filter keeps, found from the scope's values alone (no
// model, no view), so that ScopeInspector can search a multi-megabyte scope on a worker thread while the
// window stays responsive, and a small one at once. ScopeFilterProxy shows the result. A row is kept when
// it matches (its name, or the value of a row without children, contains the text, secrets masked unless
// revealed: what ScopeModel::filterTextOf() gives), when a row under it matches (so people see where a
// match lives), or when a row above it matches (so a match found by name can still be opened).
#pragma once

#include "script/Scope.h"

#include <QString>

#include <atomic>
#include <vector>

namespace AuthStudio {

class ScopeSearch
{
public:
    // A row the filter keeps because it matches, or because rows under it do.
    struct Row
    {
        int row = 0; // under its parent, in the scope searched
        QString key; // an object member's key (empty for an array item): checks the row in a later scope
        bool matches = false; // then every row under it is kept, and `children` is empty
        std::vector<Row> children; // the kept rows under it, by row
    };

    // Keeps every row.
    ScopeSearch() = default;
    // Searches `scope` for `text`, ignoring case. Stops early, leaving the result incomplete, once
    // `cancelled` is set (a newer search has started).
    static ScopeSearch run(const Scope &scope, const QString &text, bool reveal,
                           const std::atomic_bool *cancelled = nullptr);

    const QString &text() const { return m_text; }
    bool reveal() const { return m_reveal; }
    // The rows kept at the top of the scope.
    const Row &top() const { return m_top; }
    // The kept row at `row` under `parent`, or null. An object member is checked by its `key`, so a search
    // of an earlier snapshot still finds its rows in the next one (a step's value added above them shifts
    // their rows) until the next snapshot's own search is done.
    static const Row *child(const Row &parent, int row, const QString &key);

private:
    QString m_text;
    bool m_reveal = false;
    Row m_top;
};

} // namespace AuthStudio
