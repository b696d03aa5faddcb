// ScopeFilterProxy: the scope inspector's filter over a ScopeModel. It shows the rows a ScopeSearch kept,
// looked up per row without reading the row's text, so filtering a multi-megabyte scope costs the window
// only the rows a view shows; the search itself happens elsewhere (ScopeInspector runs a large one on a
// worker thread). Without a search, or with an empty one, every row shows.
#pragma once

#include "ScopeSearch.h"

#include <QHash>
#include <QSortFilterProxyModel>

#include <memory>

namespace AuthStudio {

class ScopeModel;

class ScopeFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ScopeFilterProxy(ScopeModel *source, QObject *parent = nullptr);

    // Shows what `search` keeps, at once; null shows every row.
    void setSearch(std::shared_ptr<const ScopeSearch> search);
    const ScopeSearch *search() const { return m_search.get(); }
    bool isFiltering() const { return m_search && !m_search->text().isEmpty(); }
    // Whether rows under the source row `sourceIndex` are kept because rows under them match, rather than
    // because it matches itself or a row above it does: what the inspector opens to show matches.
    bool leadsToMatches(const QModelIndex &sourceIndex) const;

    // Without making a mapping for the row (QSortFilterProxyModel filters the row's children to answer):
    // a view laying out an opened array of 60 000 items asks this of every item.
    bool hasChildren(const QModelIndex &parent = {}) const override;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    // The search's row for a source row: null when the filter hides it, AllKept when it or a row above it
    // matches. Remembered per source row, since a view asks for each row of the same parent in turn.
    const ScopeSearch::Row *searchRow(const QModelIndex &sourceIndex) const;

    ScopeModel *m_source;
    std::shared_ptr<const ScopeSearch> m_search;
    mutable QHash<const void *, const ScopeSearch::Row *> m_rows;
    bool m_changingSearch = false; // in setSearch()'s layout change
};

} // namespace AuthStudio
